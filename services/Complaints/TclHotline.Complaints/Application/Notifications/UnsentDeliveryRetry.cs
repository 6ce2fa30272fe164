using Microsoft.Extensions.Logging;
using TclHotline.Complaints.Data;
using TclHotline.Complaints.Domain.Notifications;
using TclHotline.Messages.Notifications;

namespace TclHotline.Complaints.Application.Notifications;

/// <summary>
/// Requests again, through the outbox, every delivery not recorded as sent some time after it was last
/// requested: a mail server or webhook that was down, a message lost with a crashed instance. Each re-request
/// is claimed on the row's request time, so several instances never request one delivery twice.
/// </summary>
public sealed class UnsentDeliveryRetry(
    ComplaintsDatabase db,
    NotificationOptions options,
    TimeProvider time,
    ILogger<UnsentDeliveryRetry> logger) : RepeatedRound(time, logger)
{
    protected override TimeSpan Interval => options.Delivery.ScanInterval;

    protected override Task RoundAsync(CancellationToken ct) => RequestAgainAsync(ct);

    /// <returns>How many deliveries were requested again.</returns>
    internal async Task<int> RequestAgainAsync(CancellationToken ct)
    {
        await using var unit = await db.BeginAsync(ct);
        var unsent = await NotificationStore.UnsentAsync(unit, unit.Now - options.Delivery.RetryAfter, options.Delivery.ScanBatchSize);
        var requested = 0;
        foreach (var d in unsent)
        {
            if (await NotificationStore.RerequestAsync(unit, d))
            {
                await unit.PublishAsync(new NotificationDeliveryRequested(d.NotificationId, d.Channel, d.Target, unit.Now), d.NotificationId.ToString("D"));
                requested++;
            }
        }

        await unit.CommitAsync();
        return requested;
    }
}
