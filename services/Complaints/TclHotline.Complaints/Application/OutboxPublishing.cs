using TclHotline.Messages.Complaints;
using TclHotline.Messages.Sla;
using TclHotline.ServiceDefaults.Database;

namespace TclHotline.Complaints.Application;

/// <summary>
/// The domain hands back its events as objects; the outbox names a message by its static type, so each
/// is published as what it is. A type not listed here is a programming error, not something to skip.
/// </summary>
internal static class OutboxPublishing
{
    public static Task PublishAsync(this UnitOfWork unit, object message, Guid complaintId)
    {
        var aggregate = complaintId.ToString("D");
        return message switch
        {
            ComplaintFiled m => unit.PublishAsync(m, aggregate),
            ComplaintStatusChanged m => unit.PublishAsync(m, aggregate),
            ComplaintEscalated m => unit.PublishAsync(m, aggregate),
            DeadlineSet m => unit.PublishAsync(m, aggregate),
            DeadlineMet m => unit.PublishAsync(m, aggregate),
            DeadlineCancelled m => unit.PublishAsync(m, aggregate),
            _ => throw new InvalidOperationException($"{message.GetType().Name} is not a message the complaints service publishes."),
        };
    }
}
