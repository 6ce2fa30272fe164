using TclHotline.Messages.Dispatch;
using TclHotline.Messages.Intake;
using TclHotline.Messages.Returns;
using TclHotline.ServiceDefaults.Database;
using TclHotline.ServiceDefaults.Inbox;
using TclHotline.Telephony.Domain;
using IntakeStatus = TclHotline.Grpc.Intake.V1.OrderStatus;

namespace TclHotline.Telephony.Consumers;

// An order's status in the projection, from the events that change it.

public sealed class EngineerArrivedConsumer(TelephonyDatabase db) : InboxConsumer<EngineerArrived, TelephonyDatabase>(db)
{
    protected override Task Handle(EngineerArrived m, UnitOfWork unit) =>
        OrderProjection.SetStatusAsync(unit, m.OrderId, m.BranchCode, IntakeStatus.EngineerArrived);
}

public sealed class VisitCompletedConsumer(TelephonyDatabase db) : InboxConsumer<VisitCompleted, TelephonyDatabase>(db)
{
    protected override Task Handle(VisitCompleted m, UnitOfWork unit) =>
        OrderProjection.SetStatusAsync(unit, m.OrderId, m.BranchCode, OrderStatus.AfterVisit(m.PanelUnrepairable, m.PanelNoLongerSupplied));
}

public sealed class ServiceOrderCancelledConsumer(TelephonyDatabase db) : InboxConsumer<ServiceOrderCancelled, TelephonyDatabase>(db)
{
    protected override Task Handle(ServiceOrderCancelled m, UnitOfWork unit) =>
        OrderProjection.SetStatusAsync(unit, m.OrderId, m.BranchCode, IntakeStatus.Cancelled);
}

/// <summary>
/// Rule 17: the returns service settled the exchange, so the order awaiting it is completed. Arriving before the visit's
/// completion it completes the order all the same, and the late completion leaves it so.
/// </summary>
public sealed class PanelExchangeCompletedConsumer(TelephonyDatabase db) : InboxConsumer<PanelExchangeCompleted, TelephonyDatabase>(db)
{
    protected override Task Handle(PanelExchangeCompleted m, UnitOfWork unit) =>
        OrderProjection.SetStatusAsync(unit, m.OrderId, m.BranchCode, IntakeStatus.Completed);
}
