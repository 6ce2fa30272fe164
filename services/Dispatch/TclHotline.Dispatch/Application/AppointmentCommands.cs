using TclHotline.Dispatch.Data;
using TclHotline.Dispatch.Domain.Planning;
using TclHotline.Messages.Dispatch;
using TclHotline.ServiceDefaults.Database;
using TclHotline.ServiceDefaults.Grpc;

namespace TclHotline.Dispatch.Application;

/// <summary>A dispatcher's and the customer's say in who comes when: overrides, appointments, reschedules.</summary>
public sealed class AppointmentCommands(DispatchContext context, AssignmentPlanner planner, VisitBooking booking)
{
    /// <summary>A dispatcher's choice of engineer, checked by the planner (activity, skill, coverage, shift, bookings, capacity).</summary>
    public async Task OverrideAsync(UnitOfWork unit, DispatchRecord record, string engineerId, DateTimeOffset? plannedArrival)
    {
        var commitment = RequireOpen(record);
        var network = await context.NetworkAsync(unit);
        var schedule = await context.ScheduleAsync(unit, planner.BookingsOf(engineerId, commitment, plannedArrival));
        if (record.BookedVisit is { } current)
        {
            schedule = schedule.Without(current.VisitId);
        }

        var outcome = planner.Override(network, schedule, record.Order, commitment, engineerId, plannedArrival);
        await booking.ApplyAsync(unit, outcome, VisitBooking.By.Override, record.BookedVisit);
    }

    public async Task<AppointmentProposal> ProposeAsync(UnitOfWork unit, DispatchRecord record)
    {
        EnsureOpen(record);
        var network = await context.NetworkAsync(unit);
        var schedule = await context.ScheduleAsync(unit, planner.BookingsFor(network, record.Order, planner.LatestProposedArrival));
        return planner.ProposeAppointments(network, schedule, record.Order);
    }

    /// <summary>Rule 2, remote: the booked window's end becomes the commitment, set with the SLA timer.</summary>
    public async Task BookAsync(UnitOfWork unit, DispatchRecord record, DateTimeOffset windowStart)
    {
        EnsureOpen(record);
        if (record.BookedVisit is not null)
        {
            throw new RuleViolationException("the order already has a booked visit; reschedule it instead");
        }

        var network = await context.NetworkAsync(unit);
        var window = planner.BookingsFor(network, record.Order, planner.Commitments.WindowAt(windowStart).End);
        var outcome = planner.BookAppointment(network, await context.ScheduleAsync(unit, window), record.Order, windowStart);
        if (outcome is CommitmentAtRisk risk)
        {
            throw new RuleViolationException($"the window is no longer available: {risk.Detail}");
        }

        if (outcome is not VisitAssigned assigned)
        {
            await booking.ApplyAsync(unit, outcome, VisitBooking.By.Auto, null);
            return;
        }

        await booking.SaveCommitmentAsync(unit, record.Order.OrderId, assigned.Commitment, isNew: record.Commitment is null);
        await VisitBooking.PublishDeadlineSetAsync(unit, record.Order, assigned.Commitment.DueAt);
        var visitId = await booking.ApplyAsync(unit, assigned, VisitBooking.By.Auto, null);
        await unit.PublishAsync(new AppointmentBooked(record.Order.OrderId, visitId!.Value, assigned.Plan.EngineerId, record.Order.BranchCode,
            assigned.Commitment.NotBefore ?? windowStart, assigned.Commitment.DueAt, "Remote", unit.Now, assigned.Plan.OutletId,
            assigned.Plan.DistanceKm), record.Order.OrderId.ToString());
        if (record.Booking is { IsRunning: true })
        {
            // Rule 2: booking meets the booking deadline; the window is the commitment from now on.
            await BookingDeadlines.DecideAsync(unit, record.Order, BookingDeadline.Met, unit.Now);
        }
    }

    /// <summary>
    /// The customer's move shifts the commitment (customer-caused, DeadlineMoved); the outlet's keeps it, so a
    /// later time than the commitment escalates at once.
    /// </summary>
    public async Task RescheduleAsync(UnitOfWork unit, DispatchRecord record, Guid visitId, RescheduleCause cause, DateTimeOffset newStart)
    {
        RequireOpen(record);
        if (record.AsOpenVisit() is not { } open || open.Booking.VisitId != visitId)
        {
            throw new RuleViolationException("the visit is not the order's booked visit");
        }

        var network = await context.NetworkAsync(unit);
        // The customer's move plans afresh up to the new window's end; the outlet's keeps the engineer, who may arrive late.
        var latest = planner.Commitments.Reschedule(open.Commitment, newStart, cause).DueAt;
        var window = planner.BookingsFor(network, open.Order, latest > newStart ? latest : newStart, open.Booking.EngineerId);
        var outcome = planner.Reschedule(network, await context.ScheduleAsync(unit, window), open, newStart, cause);
        if (outcome is AssignmentRefused)
        {
            await booking.ApplyAsync(unit, outcome, VisitBooking.By.Override, null);
            return;
        }

        if (cause == RescheduleCause.Customer)
        {
            await booking.SaveCommitmentAsync(unit, record.Order.OrderId, outcome.Commitment, isNew: false);
            await VisitBooking.PublishCustomerMoveAsync(unit, record.Order, outcome.Commitment.DueAt);
        }

        var newVisit = await booking.ApplyAsync(unit, outcome, VisitBooking.By.Override, record.BookedVisit);
        if (outcome is VisitAssigned assigned && newVisit is { } id)
        {
            await unit.PublishAsync(new AppointmentBooked(record.Order.OrderId, id, assigned.Plan.EngineerId, record.Order.BranchCode,
                assigned.Commitment.NotBefore ?? newStart, assigned.Commitment.DueAt,
                cause == RescheduleCause.Customer ? "CustomerRequested" : "OutletRescheduled", unit.Now, assigned.Plan.OutletId,
                assigned.Plan.DistanceKm), record.Order.OrderId.ToString());
        }
    }

    private static Commitment RequireOpen(DispatchRecord record)
    {
        EnsureOpen(record);
        return record.Commitment ?? throw new RuleViolationException("the order awaits its appointment: book one first");
    }

    private static void EnsureOpen(DispatchRecord record)
    {
        if (!record.IsOpen)
        {
            throw new RuleViolationException($"the order is {record.Status.ToLowerInvariant()}");
        }
    }
}
