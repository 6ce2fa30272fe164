using TclHotline.Messages.Dispatch;
using TclHotline.Messages.Sla;
using TclHotline.Returns.Application;
using TclHotline.ServiceDefaults.Database;
using TclHotline.ServiceDefaults.Inbox;

namespace TclHotline.Returns.Consumers;

/// <summary>An engineer's arrival decides whether the order's on-site commitment was kept.</summary>
public sealed class CommitmentArrivalConsumer(ReturnsDatabase db) : InboxConsumer<EngineerArrived, ReturnsDatabase>(db)
{
    protected override Task Handle(EngineerArrived message, UnitOfWork unit) => CommitmentOutcomes.ArrivedAsync(unit, message);
}

/// <summary>A breached on-site deadline: the commitment was missed, whether or not an engineer comes later.</summary>
public sealed class CommitmentBreachConsumer(ReturnsDatabase db) : InboxConsumer<DeadlineBreached, ReturnsDatabase>(db)
{
    protected override Task Handle(DeadlineBreached message, UnitOfWork unit) => CommitmentOutcomes.BreachedAsync(unit, message);
}
