using TclHotline.Messages.Dispatch;
using TclHotline.Messages.Intake;
using TclHotline.ServiceDefaults.Database;
using TclHotline.ServiceDefaults.Inbox;
using TclHotline.Telephony.Domain;

namespace TclHotline.Telephony.Consumers;

// An order's status in the projection, from the events that change it.

public sealed class EngineerArrivedConsumer(TelephonyDatabase db) : InboxConsumer<EngineerArrived, TelephonyDatabase>(db)
{
    protected override Task Handle(EngineerArrived m, UnitOfWork unit) =>
        OrderProjection.SetStatusAsync(unit, m.OrderId, m.BranchCode, OrderStatus.EngineerOnSite);
}

public sealed class VisitCompletedConsumer(TelephonyDatabase db) : InboxConsumer<VisitCompleted, TelephonyDatabase>(db)
{
    protected override Task Handle(VisitCompleted m, UnitOfWork unit) =>
        OrderProjection.SetStatusAsync(unit, m.OrderId, m.BranchCode, OrderStatus.AfterVisit(m.Repaired, m.CustomerDeclined));
}

public sealed class ServiceOrderCancelledConsumer(TelephonyDatabase db) : InboxConsumer<ServiceOrderCancelled, TelephonyDatabase>(db)
{
    protected override Task Handle(ServiceOrderCancelled m, UnitOfWork unit) =>
        OrderProjection.SetStatusAsync(unit, m.OrderId, m.BranchCode, OrderStatus.Cancelled);
}
