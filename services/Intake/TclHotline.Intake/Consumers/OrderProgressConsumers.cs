using TclHotline.Intake.Application;
using TclHotline.Intake.Data;
using TclHotline.Intake.Domain;
using TclHotline.Messages.Dispatch;
using TclHotline.ServiceDefaults.Database;
using TclHotline.ServiceDefaults.Inbox;

namespace TclHotline.Intake.Consumers;

// Dispatch's events move the order's status on so the agent can tell a chasing customer where it stands.

/// <summary>
/// An engineer from an outlet: a new outlet's distance re-estimates the travel line (rule 15). Taken in batches
/// (one unit of work for many), since every urban order brings one as soon as dispatch plans it.
/// </summary>
public sealed class EngineerAssignedConsumer(IntakeDatabase db, FeeQuotes quotes) : InboxBatchConsumer<EngineerAssigned, IntakeDatabase>(db)
{
    protected override async Task Handle(IReadOnlyList<EngineerAssigned> messages, UnitOfWork unit)
    {
        foreach (var message in messages)
        {
            await OrderProgress.MoveAsync(unit, message.OrderId, OrderStatus.Assigned, message.EngineerId);
            await OrderProgress.ReestimateAsync(unit, quotes, message.OrderId, message.OutletId, message.DistanceKm, null,
                message.AssignedAt, FeeQuotes.Causes.Assigned);
        }
    }
}

/// <summary>
/// A booked or moved visit: the booked outlet's distance (rule 15) and, when the customer chose the time, the
/// night surcharge (rule 16) follow it. An outlet's own reschedule does not make the customer's visit a night one.
/// </summary>
public sealed class AppointmentBookedConsumer(IntakeDatabase db, FeeQuotes quotes) : InboxConsumer<AppointmentBooked, IntakeDatabase>(db)
{
    protected override async Task Handle(AppointmentBooked message, UnitOfWork unit)
    {
        await OrderProgress.MoveAsync(unit, message.OrderId, OrderStatus.AppointmentBooked, message.EngineerId);
        var customersTime = message.Cause != "OutletRescheduled" ? message.WindowStart : (DateTimeOffset?)null;
        await OrderProgress.ReestimateAsync(unit, quotes, message.OrderId, message.OutletId, message.DistanceKm, customersTime,
            message.BookedAt, FeeQuotes.Causes.AppointmentBooked);
    }
}

public sealed class EngineerArrivedConsumer(IntakeDatabase db) : InboxConsumer<EngineerArrived, IntakeDatabase>(db)
{
    protected override Task Handle(EngineerArrived message, UnitOfWork unit) =>
        OrderProgress.MoveAsync(unit, message.OrderId, OrderStatus.EngineerArrived, message.EngineerId);
}

public sealed class CustomerAbsentConsumer(IntakeDatabase db) : InboxConsumer<CustomerAbsent, IntakeDatabase>(db)
{
    protected override Task Handle(CustomerAbsent message, UnitOfWork unit) =>
        OrderProgress.MoveAsync(unit, message.OrderId, OrderStatus.CustomerAbsent, message.EngineerId);
}

internal static class OrderProgress
{
    /// <summary>Records what dispatch learned (outlet, distance, the customer's visit time) and re-estimates when it changed.</summary>
    public static async Task ReestimateAsync(UnitOfWork unit, FeeQuotes quotes, Guid orderId, string? outletId, decimal? distanceKm,
        DateTimeOffset? visitAt, DateTimeOffset decidedAt, string cause)
    {
        var order = await unit.QuerySingleOrDefaultAsync<ServiceOrderRow>(IntakeSql.SelectOrderById, new { OrderId = orderId });
        if (order is null || order.Status.IsClosed())
            return;
        var changed = 0;
        if (distanceKm is not null && (order.OutletId != outletId || order.DistanceKm != distanceKm))
            changed += await unit.ExecuteAsync(IntakeSql.SetOutlet, new
            {
                OrderId = orderId, OutletId = outletId, DistanceKm = distanceKm, DecidedAt = decidedAt, OrderStatusFacts.Closed,
            });
        if (visitAt is not null && order.VisitAt != visitAt)
            changed += await unit.ExecuteAsync(IntakeSql.SetVisitAt, new
            {
                OrderId = orderId, VisitAt = visitAt, DecidedAt = decidedAt, OrderStatusFacts.Closed,
            });
        if (changed > 0)
            await quotes.ReestimateAsync(unit, orderId, cause);
    }

    public static Task MoveAsync(UnitOfWork unit, Guid orderId, OrderStatus status, string? engineerId) =>
        unit.ExecuteAsync(IntakeSql.ChangeStatus, new
        {
            OrderId = orderId, Status = status.ToString(), EngineerId = engineerId, unit.Now, OrderStatusFacts.Closed,
        });
}
