using TclHotline.Dispatch.Application;
using TclHotline.Messages.Intake;
using TclHotline.ServiceDefaults.Database;
using TclHotline.ServiceDefaults.Inbox;

namespace TclHotline.Dispatch.Consumers;

public sealed class ServiceOrderOpenedConsumer(DispatchDatabase db, OrderIntake intake)
    : InboxConsumer<ServiceOrderOpened, DispatchDatabase>(db)
{
    protected override Task Handle(ServiceOrderOpened message, UnitOfWork unit) => intake.OpenAsync(unit, message);
}

public sealed class ServiceOrderCancelledConsumer(DispatchDatabase db, OrderIntake intake)
    : InboxConsumer<ServiceOrderCancelled, DispatchDatabase>(db)
{
    protected override Task Handle(ServiceOrderCancelled message, UnitOfWork unit) => intake.CancelAsync(unit, message);
}
