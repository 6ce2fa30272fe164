namespace TclHotline.Messages.Notifications;

/// <summary>
/// One notification is due to go out on one channel (email | webhook) to one target (an address or a URL).
/// Written to the outbox with the notification, and again whenever an earlier attempt has not been recorded
/// as sent; the sender skips a delivery already sent, and the receiver can dedupe by NotificationId.
/// </summary>
public sealed record NotificationDeliveryRequested(
    Guid NotificationId,
    string Channel,
    string Target,
    DateTimeOffset RequestedAt);
