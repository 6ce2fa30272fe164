using Microsoft.Extensions.Logging;
using TclHotline.Dispatch.Data;
using TclHotline.Dispatch.Domain;
using TclHotline.Dispatch.Domain.Network;
using TclHotline.Dispatch.Domain.Planning;
using TclHotline.Messages;
using TclHotline.Messages.Intake;
using TclHotline.Messages.Sla;
using TclHotline.ServiceDefaults.Database;

namespace TclHotline.Dispatch.Application;

/// <summary>
/// New and cancelled service orders: the commitment is set and, for urban orders, a visit booked at once; a
/// remote order gets its booking deadline. A cancellation may overtake its order on the bus: it is kept, and the
/// order, when it comes, is recorded as cancelled and never planned.
/// </summary>
public sealed class OrderIntake(
    DispatchContext context, AssignmentPlanner planner, VisitBooking booking, DispatchOptions options, ILogger<OrderIntake> logger)
{
    /// <summary>
    /// Takes in new orders, in the order given, in one unit of work. Each is recorded as it comes; the urban ones
    /// are then planned one after the other against one schedule, read once for all of them (the union of the
    /// windows each plan depends on, so each decision is the one it would be alone), and each booking is added to
    /// it before the next order is planned.
    /// </summary>
    public async Task OpenAsync(UnitOfWork unit, IReadOnlyList<ServiceOrderOpened> messages)
    {
        var network = await context.NetworkAsync(unit);
        var toPlan = new List<(DispatchOrder Order, Commitment Commitment)>();
        foreach (var message in messages)
        {
            if (await RecordAsync(unit, network, message) is { } planned)
            {
                toPlan.Add(planned);
            }
        }

        if (toPlan.Count == 0)
        {
            return;
        }

        var window = ScheduleWindow.Covering(toPlan.Select(p => planner.BookingsFor(network, p.Order, p.Commitment.DueAt)));
        var schedule = await context.ScheduleAsync(unit, window);
        foreach (var (order, commitment) in toPlan)
        {
            var outcome = planner.Plan(network, schedule, order, commitment);
            var visitId = await booking.ApplyAsync(unit, outcome, VisitBooking.By.Auto, replacing: null);
            var plan = outcome switch
            {
                VisitAssigned assigned => assigned.Plan,
                CommitmentAtRisk atRisk => atRisk.LatePlan,
                _ => null,
            };
            if (visitId is { } id && plan is not null)
            {
                schedule = schedule.With(plan.ToBooking(id, order.OrderId));
            }
        }
    }

    /// <summary>Records a new order, its commitment and deadlines; the order and commitment when it is to be planned now.</summary>
    private async Task<(DispatchOrder, Commitment)?> RecordAsync(UnitOfWork unit, ServiceNetwork network, ServiceOrderOpened message)
    {
        if (await unit.ExecuteScalarAsync<long>(DispatchSql.CountOrder, new { message.OrderId }) > 0)
        {
            return null;
        }

        var cancelledFirst = await unit.ExecuteScalarAsync<long>(DispatchSql.CountTombstone[unit.Dialect], new { message.OrderId }) > 0;

        if (!Enum.TryParse<OrderType>(message.OrderType, ignoreCase: false, out var type))
        {
            logger.LogWarning("Order {OrderId} has type {OrderType}, which needs nobody on site", message.OrderId, message.OrderType);
            return null;
        }

        // Rule 1: the branch whose area the unit is used in owns it, whoever sold it.
        var branch = network.OwningBranch(message.DistrictCode)?.Code ?? message.BranchCode;
        var order = new DispatchOrder(message.OrderId, type, branch, message.DistrictCode, message.IsUrban, message.RegisteredAt,
            message.RequestedVisitAt, message.FaultCategory);
        var commitment = planner.Commitments.ForNewOrder(order);
        // Rule 2, remote without a requested time: no commitment until an appointment is booked, but the booking has a deadline.
        DateTimeOffset? bookingDue = commitment is null && !cancelledFirst ? order.RegisteredAt + options.BookingWithin : null;
        await unit.ExecuteAsync(DispatchSql.InsertOrder, new
        {
            order.OrderId,
            message.OrderNumber,
            order.BranchCode,
            order.DistrictCode,
            message.DistrictName,
            OrderType = order.Type.ToString(),
            order.FaultCategory,
            order.IsUrban,
            order.RegisteredAt,
            order.RequestedVisitAt,
            Status = cancelledFirst ? DispatchRecord.Cancelled : DispatchRecord.Open,
            UpdatedAt = unit.Now,
            BookingDueAt = bookingDue,
            BookingState = bookingDue is null ? null : BookingDeadline.Open,
        });
        if (cancelledFirst)
        {
            // Cancelled before dispatch saw it: never planned, no deadline, so nothing can breach or raise a complaint.
            logger.LogInformation("Order {OrderId} arrived after its cancellation; recorded as cancelled", order.OrderId);
            return null;
        }

        booking.NotifyBoard(unit, order);
        if (bookingDue is { } due)
        {
            await unit.PublishAsync(new DeadlineSet(DeadlineOwners.Dispatch, order.OrderId.ToString(), DeadlineKinds.Booking, order.BranchCode,
                order.RegisteredAt, due, unit.Now), order.OrderId.ToString());
            return null;
        }

        if (commitment is null)
        {
            return null;
        }

        await booking.SaveCommitmentAsync(unit, order.OrderId, commitment, isNew: true);
        await VisitBooking.PublishDeadlineSetAsync(unit, order, commitment.OriginalDueAt ?? commitment.DueAt);
        if (commitment.CustomerCaused)
        {
            await VisitBooking.PublishCustomerMoveAsync(unit, order, commitment.DueAt);
        }

        if (network.Branch(order.BranchCode) is null)
        {
            // Nobody to plan with or escalate to; the deadline still runs so the SLA timer breaches it.
            logger.LogWarning("Order {OrderId} is in district {District}, which no branch of the network serves", order.OrderId, order.DistrictCode);
            return null;
        }

        return (order, commitment);
    }

    public async Task CancelAsync(UnitOfWork unit, ServiceOrderCancelled message)
    {
        if (await unit.ExecuteScalarAsync<long>(DispatchSql.LockOrderKey[unit.Dialect], new { message.OrderId }) == 0)
        {
            // The cancellation overtook its order: keep it (once) for the opening to find.
            if (await unit.ExecuteScalarAsync<long>(DispatchSql.CountTombstone[unit.Dialect], new { message.OrderId }) == 0)
            {
                await unit.ExecuteAsync(DispatchSql.InsertTombstone, new { message.OrderId, message.Reason, message.CancelledBy, message.CancelledAt });
            }

            return;
        }

        if (await context.FindAsync(unit, message.OrderId) is not { IsOpen: true } record)
        {
            return;
        }

        if (record.BookedVisit is { } visit)
        {
            await unit.ExecuteAsync(DispatchSql.SetVisitStatus, new { visit.VisitId, Status = VisitStatuses.Cancelled });
        }

        await unit.ExecuteAsync(DispatchSql.SetOrderStatus, new { record.Order.OrderId, Status = DispatchRecord.Cancelled, UpdatedAt = unit.Now });
        if (record.Commitment is not null)
        {
            await unit.ExecuteAsync(DispatchSql.DecideCommitment, new { record.Order.OrderId, State = "Cancelled", DecidedAt = message.CancelledAt });
            await unit.PublishAsync(new DeadlineCancelled(DeadlineOwners.Dispatch, record.Order.OrderId.ToString(), DeadlineKinds.OnSite,
                message.CancelledAt), record.Order.OrderId.ToString());
        }

        if (record.Booking is { IsRunning: true })
        {
            await BookingDeadlines.DecideAsync(unit, record.Order, BookingDeadline.Cancelled, message.CancelledAt);
        }

        booking.NotifyBoard(unit, record.Order);
    }
}
