using TclHotline.Complaints.Application;
using TclHotline.Messages;
using TclHotline.Messages.Sla;
using TclHotline.ServiceDefaults.Database;
using TclHotline.ServiceDefaults.Inbox;

namespace TclHotline.Complaints.Consumers;

/// <summary>
/// The SLA timer's breaches that concern complaints: a missed on-site commitment or booking deadline (Dispatch's)
/// raises a complaint by itself (rule 21); a missed acknowledge or resolve deadline (ours) escalates one level (rule 20).
/// Every other owner's breach is not ours.
/// </summary>
public sealed class DeadlineBreachedConsumer(ComplaintsDatabase db, ComplaintCommands commands)
    : InboxConsumer<DeadlineBreached, ComplaintsDatabase>(db)
{
    protected override async Task Handle(DeadlineBreached m, UnitOfWork unit)
    {
        if (m.Owner == DeadlineOwners.Complaints)
        {
            await commands.DeadlineMissedAsync(unit, m, CancellationToken.None);
        }
        else if (m.Owner == DeadlineOwners.Dispatch && m.Kind is (DeadlineKinds.OnSite or DeadlineKinds.Booking) && OnSiteSubject.TryParseOrderId(m.SubjectId, out var orderId))
        {
            await commands.CommitmentBreachedAsync(unit, orderId, m, CancellationToken.None);
        }
    }
}
