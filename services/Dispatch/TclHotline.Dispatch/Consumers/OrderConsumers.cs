using TclHotline.Dispatch.Application;
using TclHotline.Messages.Intake;
using TclHotline.ServiceDefaults.Database;
using TclHotline.ServiceDefaults.Inbox;

namespace TclHotline.Dispatch.Consumers;

/// <summary>
/// New orders in batches: the batch's urban orders are planned against one schedule read for all of them, in one
/// unit of work (the class name is the inbox's consumer name and the queue's, as before batching).
/// </summary>
public sealed class ServiceOrderOpenedConsumer(DispatchDatabase db, OrderIntake intake)
    : InboxBatchConsumer<ServiceOrderOpened, DispatchDatabase>(db)
{
    protected override Task Handle(IReadOnlyList<ServiceOrderOpened> messages, UnitOfWork unit) => intake.OpenAsync(unit, messages);
}

public sealed class ServiceOrderCancelledConsumer(DispatchDatabase db, OrderIntake intake)
    : InboxConsumer<ServiceOrderCancelled, DispatchDatabase>(db)
{
    protected override Task Handle(ServiceOrderCancelled message, UnitOfWork unit) => intake.CancelAsync(unit, message);
}
