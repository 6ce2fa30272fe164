using TclHotline.Dispatch.Data;
using TclHotline.Dispatch.Domain;
using TclHotline.Dispatch.Domain.Network;
using TclHotline.Dispatch.Domain.Planning;
using TclHotline.ServiceDefaults.Database;
using TclHotline.ServiceDefaults.Grpc;
using TclHotline.ServiceDefaults.Validation;

namespace TclHotline.Dispatch.Application;

/// <summary>
/// Changes to outlets and engineers. Each change is checked against the whole network (NetworkConsistency)
/// before it is stored; taking an engineer off re-plans their open visits at once.
/// </summary>
public sealed class RosterCommands(
    DispatchContext context, NetworkStore store, AssignmentPlanner planner, VisitBooking booking, DispatchOptions options)
{
    public async Task<ServiceNetwork> SaveOutletAsync(UnitOfWork unit, Outlet outlet, bool isNew)
    {
        var network = await context.NetworkAsync(unit);
        Exists(network.Outlet(outlet.Id) is not null, isNew, $"outlet {outlet.Id}");
        var changed = Checked(() => network.WithOutlet(outlet, options), "outlet");
        await store.SaveOutletAsync(unit.Connection, unit.Transaction, outlet, isNew);
        return changed;
    }

    public async Task<ServiceNetwork> SaveEngineerAsync(UnitOfWork unit, Engineer engineer, bool isNew)
    {
        var network = await context.NetworkAsync(unit);
        Exists(network.Engineer(engineer.Id) is not null, isNew, $"engineer {engineer.Id}");
        var changed = Checked(() => network.WithEngineer(engineer, options), "engineer");
        await store.SaveEngineerAsync(unit.Connection, unit.Transaction, engineer, isNew);
        return changed;
    }

    /// <summary>Takes the engineer off and re-plans each of their open visits with the others, most urgent first.</summary>
    public async Task<IReadOnlyList<Guid>> DeactivateAsync(UnitOfWork unit, Engineer engineer)
    {
        var network = (await context.NetworkAsync(unit)).WithEngineer(engineer with { Active = false }, options);
        await store.SetEngineerActiveAsync(unit.Connection, unit.Transaction, engineer.Id, active: false);
        var theirs = await context.BookingsOfAsync(unit, engineer.Id);
        var records = new Dictionary<Guid, DispatchRecord>();
        foreach (var orderId in theirs.Select(b => b.OrderId).Distinct())
        {
            if (await context.FindAsync(unit, orderId) is { IsOpen: true } record)
            {
                records[orderId] = record;
            }
        }

        var open = records.Values.Select(r => r.AsOpenVisit()).OfType<OpenVisit>().ToList();
        if (open.Count == 0)
        {
            return records.Keys.ToList();
        }

        // Each visit is planned with the engineers eligible for it (the network no longer counts this one), up to its
        // commitment: their bookings are all the decisions can depend on.
        var window = ScheduleWindow.Covering(open.Select(v => planner.BookingsFor(network, v.Order, v.Commitment.DueAt)));
        var schedule = await context.ScheduleAsync(unit, window);
        foreach (var outcome in planner.ReplanVisitsOf(engineer.Id, network, schedule, open))
        {
            var replaced = records[outcome.Order.OrderId].BookedVisit!;
            await booking.ApplyAsync(unit, outcome, VisitBooking.By.Reassign, replaced);
            if (outcome is CommitmentAtRisk { LatePlan: null })
            {
                // Nobody takes it over: the visit of an engineer who is gone must not look booked.
                await unit.ExecuteAsync(DispatchSql.SetVisitStatus, new { replaced.VisitId, Status = VisitStatuses.Cancelled });
            }
        }

        return records.Keys.ToList();
    }

    private static void Exists(bool exists, bool mustBeNew, string what)
    {
        if (exists && mustBeNew)
        {
            throw new RuleViolationException($"{what} already exists");
        }

        if (!exists && !mustBeNew)
        {
            throw new NotFoundException($"{what} is unknown");
        }
    }

    private static ServiceNetwork Checked(Func<ServiceNetwork> change, string field)
    {
        try
        {
            return change();
        }
        catch (InvalidNetworkException e)
        {
            var errors = new FieldErrors();
            foreach (var problem in e.Problems)
            {
                errors.Add(field, problem);
            }

            errors.ThrowIfAny();
            throw;
        }
    }
}
