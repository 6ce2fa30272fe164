using TclHotline.Dispatch.Application;
using TclHotline.Messages.Sla;
using TclHotline.ServiceDefaults.Database;
using TclHotline.ServiceDefaults.Inbox;

namespace TclHotline.Dispatch.Consumers;

public sealed class DeadlineWarnedConsumer(DispatchDatabase db, DeadlineReactions reactions, BookingDeadlines bookings)
    : InboxConsumer<DeadlineWarned, DispatchDatabase>(db)
{
    protected override Task Handle(DeadlineWarned message, UnitOfWork unit) =>
        !Guid.TryParse(message.SubjectId, out var orderId) ? Task.CompletedTask
        : DeadlineReactions.IsOurs(message.Owner, message.Kind) ? reactions.WarnedAsync(unit, orderId)
        : BookingDeadlines.IsOurs(message.Owner, message.Kind) ? bookings.WarnedAsync(unit, orderId)
        : Task.CompletedTask;
}

public sealed class DeadlineBreachedConsumer(DispatchDatabase db, DeadlineReactions reactions, BookingDeadlines bookings)
    : InboxConsumer<DeadlineBreached, DispatchDatabase>(db)
{
    protected override Task Handle(DeadlineBreached message, UnitOfWork unit) =>
        !Guid.TryParse(message.SubjectId, out var orderId) ? Task.CompletedTask
        : DeadlineReactions.IsOurs(message.Owner, message.Kind) ? reactions.BreachedAsync(unit, orderId, message.DueAt)
        : BookingDeadlines.IsOurs(message.Owner, message.Kind) ? bookings.BreachedAsync(unit, orderId, message.DueAt)
        : Task.CompletedTask;
}
