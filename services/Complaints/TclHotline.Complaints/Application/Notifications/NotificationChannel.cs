using TclHotline.Complaints.Domain.Notifications;

namespace TclHotline.Complaints.Application.Notifications;

/// <summary>A way out of the system. A send that throws was not delivered and is tried again later.</summary>
public interface INotificationChannel
{
    /// <summary>"email" or "webhook", as <see cref="NotificationTarget"/> names it.</summary>
    string Name { get; }

    Task SendAsync(Notification notification, string target, CancellationToken ct);
}

/// <summary>The header (and e-mail header) that carries the notification id, for the receiver to drop a repeated delivery.</summary>
public static class NotificationHeaders
{
    public const string NotificationId = "X-TclHotline-Notification-Id";
}
