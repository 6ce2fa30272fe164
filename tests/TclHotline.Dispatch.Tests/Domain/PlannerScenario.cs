using Microsoft.Extensions.Time.Testing;
using TclHotline.Dispatch.Domain.Network;
using TclHotline.Dispatch.Domain.Planning;
using static TclHotline.Dispatch.Tests.Domain.ChinaTime;

namespace TclHotline.Dispatch.Tests.Domain;

/// <summary>A network, a clock set to a Changsha time, and the planner over them.</summary>
internal sealed class PlannerScenario(NetworkBuilder builder, string now)
{
    public ServiceNetwork Network { get; } = builder.Build();

    public AssignmentPlanner Planner { get; } = new(builder.Options, new FakeTimeProvider(At(now)));

    /// <summary>Outlet O1 covers 430102 (30 min) and remote 430121 (60 min); O2 covers 430102 (45 min) and 430104 (20 min).</summary>
    public static NetworkBuilder TwoOutlets() => new NetworkBuilder()
        .Outlet("O1", ("430102", 30), ("430121", 60))
        .Outlet("O2", ("430102", 45), ("430104", 20));

    public static DispatchOrder Order(
        string registered,
        string district = "430102",
        bool urban = true,
        string fault = "",
        string? requested = null,
        OrderType type = OrderType.Repair,
        string branch = "CS") =>
        new(Guid.NewGuid(), type, branch, district, urban, At(registered), MaybeAt(requested), fault);

    public Commitment Urban(DispatchOrder order) => Planner.Commitments.Urban(order.RegisteredAt);

    public AssignmentOutcome PlanUrban(DispatchOrder order, Schedule? schedule = null) =>
        Planner.Plan(Network, schedule ?? Schedule.Empty, order, Urban(order));

    public static Booking BookingOf(string engineerId, string arrival, int travelMinutes = 30, int visitMinutes = 60, Guid? orderId = null) =>
        new(Guid.NewGuid(), orderId ?? Guid.NewGuid(), engineerId, At(arrival), TimeSpan.FromMinutes(visitMinutes), TimeSpan.FromMinutes(travelMinutes));

    /// <summary>"A 2025-03-12 10:30" for an assignment, "at risk: Reason" otherwise.</summary>
    public static string Describe(AssignmentOutcome outcome) => outcome switch
    {
        VisitAssigned a => $"{a.Plan.EngineerId} {Local(a.Plan.Arrival)}",
        CommitmentAtRisk r => $"at risk: {r.Reason}",
        AssignmentRefused f => "refused: " + string.Join("; ", f.Problems.Select(p => $"{p.Field} {p.Message}")),
        _ => throw new ArgumentOutOfRangeException(nameof(outcome)),
    };
}
