using TclHotline.Complaints.Application.Notifications;
using TclHotline.Complaints.Data;
using TclHotline.Complaints.Domain.Notifications;
using TclHotline.Messages;
using TclHotline.Messages.Complaints;
using TclHotline.Messages.Dispatch;
using TclHotline.Messages.Sla;
using TclHotline.ServiceDefaults.Database;
using TclHotline.ServiceDefaults.Inbox;

namespace TclHotline.Complaints.Consumers;

/// <summary>Rule 25: Dispatch cannot keep a commitment (nobody can reach it, or a warning found no rescue): the service director is told.</summary>
public sealed class DispatchEscalatedNotificationConsumer(ComplaintsDatabase db, NotificationCommands commands)
    : InboxConsumer<DispatchEscalated, ComplaintsDatabase>(db)
{
    protected override async Task Handle(DispatchEscalated m, UnitOfWork unit)
    {
        var order = await OrderFactStore.FindAsync(unit, m.OrderId);
        await commands.RaiseAsync(unit, NotificationCauses.Of(m, order?.OrderNumber));
    }
}

/// <summary>
/// Rule 25 on the SLA timer's breaches: a dispatch deadline (on-site commitment, booking) that passed is told
/// to the service director; a notice of ours not acknowledged in time climbs a level. Other owners' breaches are not ours.
/// </summary>
public sealed class BreachNotificationConsumer(ComplaintsDatabase db, NotificationCommands commands)
    : InboxConsumer<DeadlineBreached, ComplaintsDatabase>(db)
{
    protected override async Task Handle(DeadlineBreached m, UnitOfWork unit)
    {
        if (m.Owner == DeadlineOwners.Notifications)
        {
            await commands.DeadlineMissedAsync(unit, m);
        }
        else if (m.Owner == DeadlineOwners.Dispatch)
        {
            var order = Guid.TryParse(m.SubjectId, out var orderId) ? await OrderFactStore.FindAsync(unit, orderId) : null;
            await commands.RaiseAsync(unit, NotificationCauses.Of(m, order?.OrderNumber));
        }
    }
}

/// <summary>Rule 25: a new complaint reaches its first owner, the branch's service director.</summary>
public sealed class ComplaintFiledNotificationConsumer(ComplaintsDatabase db, NotificationCommands commands)
    : InboxConsumer<ComplaintFiled, ComplaintsDatabase>(db)
{
    protected override Task Handle(ComplaintFiled m, UnitOfWork unit) => commands.RaiseAsync(unit, NotificationCauses.Of(m));
}

/// <summary>Rule 25: a complaint that climbed reaches the owner of the level it climbed to.</summary>
public sealed class ComplaintEscalatedNotificationConsumer(ComplaintsDatabase db, NotificationCommands commands)
    : InboxConsumer<ComplaintEscalated, ComplaintsDatabase>(db)
{
    protected override Task Handle(ComplaintEscalated m, UnitOfWork unit) => commands.RaiseAsync(unit, NotificationCauses.Of(m));
}

/// <summary>Rule 25: a complaint acknowledged at the desk has reached its owner, so its new-complaint notices stop climbing.</summary>
public sealed class ComplaintAcknowledgedNotificationConsumer(ComplaintsDatabase db)
    : InboxConsumer<ComplaintStatusChanged, ComplaintsDatabase>(db)
{
    protected override Task Handle(ComplaintStatusChanged m, UnitOfWork unit) =>
        m.FromStatus == nameof(Domain.ComplaintStatus.Filed)
            ? NotificationCommands.ComplaintAcknowledgedAsync(unit, m.ComplaintId, m.ChangedBy, m.ChangedAt)
            : Task.CompletedTask;
}
