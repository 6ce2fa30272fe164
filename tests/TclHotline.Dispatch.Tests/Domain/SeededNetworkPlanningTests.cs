using Microsoft.Extensions.Time.Testing;
using TclHotline.Dispatch.Domain;
using TclHotline.Dispatch.Domain.Network;
using TclHotline.Dispatch.Domain.Planning;
using TclHotline.Dispatch.Seed;
using TclHotline.ServiceDefaults.Branches;
using static TclHotline.Dispatch.Tests.Domain.ChinaTime;
using static TclHotline.Dispatch.Tests.Domain.PlannerScenario;

namespace TclHotline.Dispatch.Tests.Domain;

/// <summary>The shipped network behaves as a dispatcher would expect, branch by branch.</summary>
public class SeededNetworkPlanningTests
{
    private static readonly DispatchOptions Options = new();
    private static readonly ServiceNetwork Seeded = new NetworkSeedParser(Options, BranchCatalogue.Shipped()).Parse(NetworkSeed.DefaultJson());

    [Theory]
    // 岳麓区: both 岳麓网点 engineers arrive 10:15 with no visits yet; the id decides.
    [InlineData("2025-03-12 10:00", "CS", "430104", OrderType.Repair, "CS-E04 2025-03-12 10:15")]
    // 22:00 in 芙蓉区: only the night-shift engineer is working.
    [InlineData("2025-03-12 22:00", "CS", "430102", OrderType.Repair, "CS-E03 2025-03-12 22:15")]
    // A wall mount needs the skill: 开福服务站's CS-E09.
    [InlineData("2025-03-12 10:00", "CS", "430105", OrderType.WallMount, "CS-E09 2025-03-12 10:15")]
    // Wuhan orders go to Wuhan engineers, Zhuzhou's to the Hunan branch's outlet.
    [InlineData("2025-03-12 10:00", "WH", "420106", OrderType.Repair, "WH-E01 2025-03-12 10:15")]
    [InlineData("2025-03-12 10:00", "BR-43", "430202", OrderType.Repair, "ZZ-E01 2025-03-12 10:15")]
    // Nobody at the outlets covering 江夏区 does engineering surveys.
    [InlineData("2025-03-12 10:00", "WH", "420115", OrderType.EngineeringSurvey, "at risk: NoEngineerCovers")]
    public void Rule02_orders_are_planned_within_their_own_branch(
        string registered, string branch, string district, OrderType type, string expected)
    {
        var planner = new AssignmentPlanner(Options, new FakeTimeProvider(At(registered)));
        var order = Order(registered, district, type: type, branch: branch);

        var outcome = planner.Plan(Seeded, Schedule.Empty, order, planner.Commitments.Urban(order.RegisteredAt));

        Assert.Equal(expected, Describe(outcome));
        var planBranch = outcome switch
        {
            VisitAssigned a => a.Plan.BranchCode,
            CommitmentAtRisk r => r.BranchCode,
            _ => null,
        };
        Assert.Equal(branch, planBranch);
    }

    [Fact]
    public void An_order_of_a_branch_missing_from_the_network_is_a_clear_error()
    {
        var planner = new AssignmentPlanner(Options, new FakeTimeProvider(At("2025-03-12 10:00")));
        var order = Order("2025-03-12 10:00", "440103", branch: "BR-44");

        var error = Assert.Throws<KeyNotFoundException>(
            () => planner.Plan(Seeded, Schedule.Empty, order, planner.Commitments.Urban(order.RegisteredAt)));

        Assert.Contains("BR-44", error.Message);
    }
}
