using System.Diagnostics.Metrics;
using TclHotline.Complaints.Domain.Notifications;

namespace TclHotline.Complaints.Application.Notifications;

/// <summary>Counters of the owners' inboxes, on the complaint service's meter.</summary>
public static class NotificationsTelemetry
{
    private static readonly Counter<long> RaisedCount =
        ComplaintsTelemetry.Meter.CreateCounter<long>("tclhotline.notifications.raised", description: "Notices put in an owner's inbox, by kind and level");

    private static readonly Counter<long> DeliveredCount =
        ComplaintsTelemetry.Meter.CreateCounter<long>("tclhotline.notifications.delivered", description: "Outside deliveries, by channel and outcome");

    public static void Raised(Notification n) =>
        RaisedCount.Add(1, new("kind", n.Kind.ToString()), new("level", (int)n.Level));

    public static void Delivered(string channel, bool sent) =>
        DeliveredCount.Add(1, new("channel", channel), new("outcome", sent ? "sent" : "failed"));
}
