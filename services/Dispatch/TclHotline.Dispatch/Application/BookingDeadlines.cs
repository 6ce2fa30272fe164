using Microsoft.Extensions.Logging;
using TclHotline.Dispatch.Data;
using TclHotline.Dispatch.Domain.Planning;
using TclHotline.Messages;
using TclHotline.Messages.Sla;
using TclHotline.ServiceDefaults.Database;

namespace TclHotline.Dispatch.Application;

/// <summary>
/// Rule 2, remote: the deadline for booking the appointment, from registration until it is booked. Booking meets
/// it, cancelling cancels it; the SLA timer warns as for any deadline, and its breach escalates to the branch's
/// service director (the complaint is raised by the complaint service from the same breach).
/// </summary>
public sealed class BookingDeadlines(DispatchContext context, VisitBooking booking, ILogger<BookingDeadlines> logger)
{
    public static bool IsOurs(string owner, string kind) => owner == DeadlineOwners.Dispatch && kind == DeadlineKinds.Booking;

    /// <summary>Booked (met) or cancelled: the SLA timer stops watching it.</summary>
    public static async Task DecideAsync(UnitOfWork unit, DispatchOrder order, string state, DateTimeOffset at)
    {
        await unit.ExecuteAsync(DispatchSql.SetBookingState, new { order.OrderId, State = state, UpdatedAt = unit.Now });
        var subject = order.OrderId.ToString();
        if (state == BookingDeadline.Met)
        {
            await unit.PublishAsync(new DeadlineMet(DeadlineOwners.Dispatch, subject, DeadlineKinds.Booking, at), subject);
        }
        else
        {
            await unit.PublishAsync(new DeadlineCancelled(DeadlineOwners.Dispatch, subject, DeadlineKinds.Booking, at), subject);
        }
    }

    public async Task WarnedAsync(UnitOfWork unit, Guid orderId)
    {
        if (await context.FindAsync(unit, orderId) is not { IsOpen: true, Booking.State: BookingDeadline.Open } record)
        {
            return;
        }

        await unit.ExecuteAsync(DispatchSql.SetBookingState, new { OrderId = orderId, State = BookingDeadline.Warned, UpdatedAt = unit.Now });
        booking.NotifyBoard(unit, record.Order);
    }

    public async Task BreachedAsync(UnitOfWork unit, Guid orderId, DateTimeOffset dueAt)
    {
        if (await context.FindAsync(unit, orderId) is not { IsOpen: true, Booking.IsRunning: true } record)
        {
            return;
        }

        await unit.ExecuteAsync(DispatchSql.SetBookingState, new { OrderId = orderId, State = BookingDeadline.Breached, UpdatedAt = unit.Now });
        var network = await context.NetworkAsync(unit);
        var director = network.Branch(record.Order.BranchCode)?.ServiceDirector;
        if (director is null)
        {
            logger.LogWarning("Order {OrderId} missed its booking deadline in branch {Branch}, which has no service director on the network",
                orderId, record.Order.BranchCode);
        }

        await booking.EscalateAsync(unit, record.Order, director ?? "",
            $"Rule02 booking: no appointment booked by {dueAt:O} (registered {record.Order.RegisteredAt:O})", dueAt, DeadlineKinds.Booking);
    }
}
