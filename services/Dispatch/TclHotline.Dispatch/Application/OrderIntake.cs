using Microsoft.Extensions.Logging;
using TclHotline.Dispatch.Data;
using TclHotline.Dispatch.Domain.Network;
using TclHotline.Dispatch.Domain.Planning;
using TclHotline.Messages;
using TclHotline.Messages.Intake;
using TclHotline.Messages.Sla;
using TclHotline.ServiceDefaults.Database;

namespace TclHotline.Dispatch.Application;

/// <summary>New and cancelled service orders: the commitment is set and, for urban orders, a visit booked at once.</summary>
public sealed class OrderIntake(DispatchContext context, AssignmentPlanner planner, VisitBooking booking, ILogger<OrderIntake> logger)
{
    public async Task OpenAsync(UnitOfWork unit, ServiceOrderOpened message)
    {
        if (await unit.ExecuteScalarAsync<long>(DispatchSql.CountOrder, new { message.OrderId }) > 0)
        {
            return;
        }

        if (!Enum.TryParse<OrderType>(message.OrderType, ignoreCase: false, out var type))
        {
            logger.LogWarning("Order {OrderId} has type {OrderType}, which needs nobody on site", message.OrderId, message.OrderType);
            return;
        }

        var network = await context.NetworkAsync(unit);
        // Rule 1: the branch whose area the unit is used in owns it, whoever sold it.
        var branch = network.OwningBranch(message.DistrictCode)?.Code ?? message.BranchCode;
        var order = new DispatchOrder(message.OrderId, type, branch, message.DistrictCode, message.IsUrban, message.RegisteredAt,
            message.RequestedVisitAt, message.FaultCategory);
        await unit.ExecuteAsync(DispatchSql.InsertOrder, new
        {
            order.OrderId,
            message.OrderNumber,
            order.BranchCode,
            order.DistrictCode,
            OrderType = order.Type.ToString(),
            order.FaultCategory,
            order.IsUrban,
            order.RegisteredAt,
            order.RequestedVisitAt,
            Status = DispatchRecord.Open,
            UpdatedAt = unit.Now,
        });
        booking.NotifyBoard(unit, order);

        // Rule 2, remote without a requested time: no commitment until an appointment is booked.
        if (planner.Commitments.ForNewOrder(order) is not { } commitment)
        {
            return;
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
            return;
        }

        var schedule = await context.ScheduleAsync(unit, planner.BookingsFor(network, order, commitment.DueAt));
        var outcome = planner.Plan(network, schedule, order, commitment);
        await booking.ApplyAsync(unit, outcome, VisitBooking.By.Auto, replacing: null);
    }

    public async Task CancelAsync(UnitOfWork unit, ServiceOrderCancelled message)
    {
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

        booking.NotifyBoard(unit, record.Order);
    }
}
