using TclHotline.Dispatch.Data;
using TclHotline.Dispatch.Domain.Planning;
using TclHotline.Messages;
using TclHotline.ServiceDefaults.Database;

namespace TclHotline.Dispatch.Application;

/// <summary>The SLA timer's word on an on-site commitment: at a warning try to save it, at a breach show it.</summary>
public sealed class DeadlineReactions(DispatchContext context, AssignmentPlanner planner, VisitBooking booking)
{
    public static bool IsOurs(string owner, string kind) => owner == DeadlineOwners.Dispatch && kind == DeadlineKinds.OnSite;

    /// <summary>
    /// A warning: keep an engineer who can still arrive in time; otherwise hand the visit to one who can,
    /// or escalate at once when nobody can.
    /// </summary>
    public async Task WarnedAsync(UnitOfWork unit, Guid orderId)
    {
        if (await context.FindAsync(unit, orderId) is not { IsOpen: true, Commitment: { } commitment, CommitmentState: "Open" } record)
        {
            return;
        }

        await unit.ExecuteAsync(DispatchSql.SetOrderWarned, new { OrderId = orderId, UpdatedAt = unit.Now });
        booking.NotifyBoard(unit, record.Order);
        var visit = record.BookedVisit;
        if (visit is not null && StillOnTime(visit, commitment, unit.Now))
        {
            return;
        }

        var network = await context.NetworkAsync(unit);
        var schedule = await context.ScheduleAsync(unit, planner.BookingsFor(network, record.Order, commitment.DueAt));
        var outcome = record.AsOpenVisit() is { } open
            ? planner.Reassign(network, schedule, open)
            : planner.Plan(network, schedule, record.Order, commitment);
        await booking.ApplyAsync(unit, outcome, VisitBooking.By.Reassign, visit);
    }

    public async Task BreachedAsync(UnitOfWork unit, Guid orderId, DateTimeOffset dueAt)
    {
        if (await context.FindAsync(unit, orderId) is not { IsOpen: true } record)
        {
            return;
        }

        await unit.ExecuteAsync(DispatchSql.DecideCommitment, new { OrderId = orderId, State = "Breached", DecidedAt = dueAt });
        booking.NotifyBoard(unit, record.Order);
    }

    private static bool StillOnTime(VisitRow visit, Commitment commitment, DateTimeOffset now)
    {
        var expected = visit.Status == VisitStatuses.EnRoute && visit.ExpectedArrival is { } eta ? eta : visit.PlannedArrival;
        return expected >= now && expected <= commitment.DueAt;
    }
}
