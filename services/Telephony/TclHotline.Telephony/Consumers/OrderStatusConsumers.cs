using TclHotline.Messages.Dispatch;
using TclHotline.Messages.Intake;
using TclHotline.Messages.Returns;
using TclHotline.ServiceDefaults.Database;
using TclHotline.ServiceDefaults.Inbox;
using TclHotline.Telephony.Data;
using TclHotline.Telephony.Domain;
using IntakeStatus = TclHotline.Grpc.Intake.V1.OrderStatus;

namespace TclHotline.Telephony.Consumers;

/// <summary>Keeps an order's status in the projection; an event may overtake the order's opening, so any creates the row.</summary>
internal static class OrderStatusProjection
{
    public static async Task SetAsync(UnitOfWork unit, Guid orderId, string branchCode, IntakeStatus status)
    {
        await unit.ExecuteAsync(TelephonySql.EnsureOrder[unit.Dialect], new { OrderId = orderId, BranchCode = branchCode, unit.Now });
        await unit.ExecuteAsync(TelephonySql.SetOrderStatus, new { OrderId = orderId, Status = status.ToString(), unit.Now, OrderStatus.Closed });
    }
}

public sealed class EngineerArrivedConsumer(TelephonyDatabase db) : InboxConsumer<EngineerArrived, TelephonyDatabase>(db)
{
    protected override Task Handle(EngineerArrived m, UnitOfWork unit) =>
        OrderStatusProjection.SetAsync(unit, m.OrderId, m.BranchCode, IntakeStatus.EngineerArrived);
}

public sealed class VisitCompletedConsumer(TelephonyDatabase db) : InboxConsumer<VisitCompleted, TelephonyDatabase>(db)
{
    protected override Task Handle(VisitCompleted m, UnitOfWork unit) =>
        OrderStatusProjection.SetAsync(unit, m.OrderId, m.BranchCode, OrderStatus.AfterVisit(m.PanelUnrepairable, m.PanelNoLongerSupplied));
}

public sealed class ServiceOrderCancelledConsumer(TelephonyDatabase db) : InboxConsumer<ServiceOrderCancelled, TelephonyDatabase>(db)
{
    protected override Task Handle(ServiceOrderCancelled m, UnitOfWork unit) =>
        OrderStatusProjection.SetAsync(unit, m.OrderId, m.BranchCode, IntakeStatus.Cancelled);
}

/// <summary>
/// Rule 17: the returns service settled the exchange, so the order awaiting it is completed. Arriving before the visit's
/// completion it completes the order all the same, and the late completion leaves it so.
/// </summary>
public sealed class PanelExchangeCompletedConsumer(TelephonyDatabase db) : InboxConsumer<PanelExchangeCompleted, TelephonyDatabase>(db)
{
    protected override Task Handle(PanelExchangeCompleted m, UnitOfWork unit) =>
        OrderStatusProjection.SetAsync(unit, m.OrderId, m.BranchCode, IntakeStatus.Completed);
}
