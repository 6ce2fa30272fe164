using TclHotline.Dispatch.Application;
using TclHotline.Messages.Sla;
using TclHotline.ServiceDefaults.Database;
using TclHotline.ServiceDefaults.Inbox;

namespace TclHotline.Dispatch.Consumers;

public sealed class DeadlineWarnedConsumer(DispatchDatabase db, DeadlineReactions reactions)
    : InboxConsumer<DeadlineWarned, DispatchDatabase>(db)
{
    protected override Task Handle(DeadlineWarned message, UnitOfWork unit) =>
        DeadlineReactions.IsOurs(message.Owner, message.Kind) && Guid.TryParse(message.SubjectId, out var orderId)
            ? reactions.WarnedAsync(unit, orderId)
            : Task.CompletedTask;
}

public sealed class DeadlineBreachedConsumer(DispatchDatabase db, DeadlineReactions reactions)
    : InboxConsumer<DeadlineBreached, DispatchDatabase>(db)
{
    protected override Task Handle(DeadlineBreached message, UnitOfWork unit) =>
        DeadlineReactions.IsOurs(message.Owner, message.Kind) && Guid.TryParse(message.SubjectId, out var orderId)
            ? reactions.BreachedAsync(unit, orderId, message.DueAt)
            : Task.CompletedTask;
}
