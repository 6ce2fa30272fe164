using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using TclHotline.Dispatch.Domain.Network;

namespace TclHotline.Dispatch.Domain.Planning;

/// <summary>An engineer who may be sent on an order: active, skilled, and from an outlet covering its district.</summary>
public sealed record EligibleEngineer(Engineer Engineer, Outlet Outlet, Branch Branch, DistrictCoverage Coverage, TimeSpan Duration)
{
    private static readonly ConditionalWeakTable<ServiceNetwork, ConcurrentDictionary<(string District, OrderType Type, string Skills), EligibleEngineer[]>> Kept = [];

    /// <summary>Why <paramref name="engineer"/> may not be sent on <paramref name="order"/>; empty when they may.</summary>
    public static IReadOnlyList<DispatchProblem> Problems(
        ServiceNetwork network, Engineer engineer, DispatchOrder order, DispatchOptions options, string field)
    {
        var problems = new List<DispatchProblem>();
        if (!engineer.Active)
        {
            problems.Add(new(field, $"engineer {engineer.Id} is not active"));
        }

        foreach (var skill in order.RequiredSkills(options).Where(s => !engineer.Skills.Contains(s)).Order())
        {
            problems.Add(new(field, $"engineer {engineer.Id} lacks skill {skill}"));
        }

        var outlet = network.OutletOf(engineer);
        if (outlet.CoverageOf(order.DistrictCode) is null)
        {
            problems.Add(new(field, $"outlet {outlet.Id} of engineer {engineer.Id} does not cover district {order.DistrictCode}"));
        }

        return problems;
    }

    public static EligibleEngineer? For(ServiceNetwork network, Engineer engineer, DispatchOrder order, DispatchOptions options) =>
        For(network, engineer, order, [.. order.RequiredSkills(options)]);

    /// <summary>
    /// The conditions of <see cref="Problems"/>, checked without wording them: this runs for every engineer of the
    /// network on every plan, and most of them are not eligible; loops over an array, so nothing is allocated for them.
    /// </summary>
    private static EligibleEngineer? For(ServiceNetwork network, Engineer engineer, DispatchOrder order, Skill[] skills)
    {
        if (!engineer.Active)
        {
            return null;
        }

        foreach (var skill in skills)
        {
            if (!engineer.Skills.Contains(skill))
            {
                return null;
            }
        }

        var outlet = network.OutletOf(engineer);
        return outlet.CoverageOf(order.DistrictCode) is { } coverage
            ? new EligibleEngineer(engineer, outlet, network.BranchOf(engineer), coverage, engineer.VisitDurations[order.Type])
            : null;
    }

    /// <summary>
    /// Every engineer who may be sent on <paramref name="order"/>. Worked out once per network for each district, order
    /// type and set of skills, and kept with the network (which never changes; a roster change makes a new one):
    /// every order is planned against all of the network's engineers, twice (its window and its plan).
    /// </summary>
    public static IReadOnlyList<EligibleEngineer> All(ServiceNetwork network, DispatchOrder order, DispatchOptions options)
    {
        Skill[] skills = [.. order.RequiredSkills(options).Order()];
        var kept = Kept.GetValue(network, _ => new ConcurrentDictionary<(string, OrderType, string), EligibleEngineer[]>());
        return kept.GetOrAdd((order.DistrictCode, order.Type, string.Join("+", skills)), _ =>
        {
            var eligible = new List<EligibleEngineer>();
            foreach (var engineer in network.Engineers)
            {
                if (For(network, engineer, order, skills) is { } candidate)
                {
                    eligible.Add(candidate);
                }
            }

            return [.. eligible];
        });
    }

    public EngineerAgenda Agenda(Schedule schedule, DateTimeOffset now) =>
        new(Engineer, Branch.Clock, schedule.BookedFor(Engineer.Id), now);

    /// <summary>The plan for arriving at <paramref name="arrival"/>; the caller has checked it is feasible.</summary>
    public VisitPlan PlanAt(DateTimeOffset arrival, EngineerAgenda agenda) =>
        new(Engineer.Id, Engineer.Name, Outlet.Id, Branch.Code, arrival, Duration, Coverage.Travel, Coverage.DistanceKm,
            agenda.BookingsOn(Branch.Clock.LocalDate(arrival)));

    public VisitPlan? EarliestPlan(Schedule schedule, DateTimeOffset now, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        var agenda = Agenda(schedule, now);
        return agenda.EarliestArrival(Coverage.Travel, Duration, notBefore, notAfter) is { } arrival
            ? PlanAt(arrival, agenda)
            : null;
    }
}
