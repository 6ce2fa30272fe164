using TclHotline.Messages.Dispatch;
using TclHotline.Messages.Intake;
using TclHotline.ServiceDefaults.Database;
using TclHotline.ServiceDefaults.Inbox;
using TclHotline.Telephony.Data;
using TclHotline.Telephony.Domain;

namespace TclHotline.Telephony.Consumers;

/// <summary>Keeps an order's status in the projection; an event may overtake the order's opening, so any creates the row.</summary>
internal static class OrderStatusProjection
{
    public static async Task SetAsync(UnitOfWork unit, Guid orderId, string branchCode, string status)
    {
        await unit.ExecuteAsync(TelephonySql.EnsureOrder[unit.Dialect], new { OrderId = orderId, BranchCode = branchCode, unit.Now });
        await unit.ExecuteAsync(TelephonySql.SetOrderStatus, new { OrderId = orderId, Status = status, unit.Now });
    }
}

public sealed class EngineerArrivedConsumer(TelephonyDatabase db) : InboxConsumer<EngineerArrived, TelephonyDatabase>(db)
{
    protected override Task Handle(EngineerArrived m, UnitOfWork unit) =>
        OrderStatusProjection.SetAsync(unit, m.OrderId, m.BranchCode, OrderStatus.EngineerOnSite);
}

public sealed class VisitCompletedConsumer(TelephonyDatabase db) : InboxConsumer<VisitCompleted, TelephonyDatabase>(db)
{
    protected override Task Handle(VisitCompleted m, UnitOfWork unit) =>
        OrderStatusProjection.SetAsync(unit, m.OrderId, m.BranchCode, OrderStatus.AfterVisit(m.Repaired, m.CustomerDeclined));
}

public sealed class ServiceOrderCancelledConsumer(TelephonyDatabase db) : InboxConsumer<ServiceOrderCancelled, TelephonyDatabase>(db)
{
    protected override Task Handle(ServiceOrderCancelled m, UnitOfWork unit) =>
        OrderStatusProjection.SetAsync(unit, m.OrderId, m.BranchCode, OrderStatus.Cancelled);
}
