using TclHotline.Complaints.Application.Notifications;
using TclHotline.Complaints.Data;
using TclHotline.Complaints.Domain.Notifications;

namespace TclHotline.Complaints.Application.Notifications;

/// <summary>
/// At least once, deduplicated by notification id: a delivery already recorded as sent is not sent again.
/// A crash between the send and its record sends it once more; the receiver recognises it by the id it carries.
/// </summary>
public sealed class NotificationSender(ComplaintsDatabase db, IEnumerable<INotificationChannel> channels, NotificationDeliveryOptions options)
{
    private readonly Dictionary<string, INotificationChannel> _channels = channels.ToDictionary(c => c.Name, StringComparer.Ordinal);

    /// <returns>Null when delivered (now, before, or by another instance sending it now); otherwise why it failed.</returns>
    public async Task<string?> DeliverAsync(Guid notificationId, string channel, string target, CancellationToken ct)
    {
        var delivery = new NotificationTarget(channel, target);
        Notification? notification;
        await using (var claim = await db.BeginAsync(ct))
        {
            if (!await NotificationStore.ClaimAsync(claim, notificationId, delivery, claim.Now + options.ClaimFor))
            {
                return null;
            }

            notification = await NotificationStore.FindAsync(claim, notificationId);
            await claim.CommitAsync();
        }

        if (notification is null)
        {
            return null;
        }

        string? error = null;
        try
        {
            if (!_channels.TryGetValue(channel, out var way))
            {
                throw new InvalidOperationException($"No notification channel is named '{channel}'.");
            }

            await way.SendAsync(notification, target, ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            error = $"{e.GetType().Name}: {e.Message}";
        }

        await using var unit = await db.BeginAsync(ct);
        if (error is null)
        {
            await NotificationStore.MarkSentAsync(unit, notificationId, delivery);
        }
        else
        {
            await NotificationStore.RecordFailureAsync(unit, notificationId, delivery, error);
        }

        await unit.CommitAsync();
        NotificationsTelemetry.Delivered(channel, error is null);
        return error;
    }
}
