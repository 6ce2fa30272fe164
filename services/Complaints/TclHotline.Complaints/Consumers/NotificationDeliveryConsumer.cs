using MassTransit;
using Microsoft.Extensions.Logging;
using TclHotline.Complaints.Application.Notifications;
using TclHotline.Messages.Notifications;

namespace TclHotline.Complaints.Consumers;

/// <summary>
/// Sends one delivery. Not an inbox consumer: the send leaves the system, so it cannot share a transaction
/// with the record of it. A delivery recorded as sent is skipped; a failed one is left unsent for the
/// retry scan to request again through the outbox.
/// </summary>
public sealed class NotificationDeliveryConsumer(NotificationSender sender, ILogger<NotificationDeliveryConsumer> logger)
    : IConsumer<NotificationDeliveryRequested>
{
    public async Task Consume(ConsumeContext<NotificationDeliveryRequested> context)
    {
        var m = context.Message;
        var outcome = await sender.DeliverAsync(m.NotificationId, m.Channel, m.Target, context.CancellationToken);
        if (outcome is { } error)
        {
            logger.LogWarning("Notification {NotificationId} via {Channel} not delivered, to be retried: {Error}", m.NotificationId, m.Channel, error);
        }
    }
}
