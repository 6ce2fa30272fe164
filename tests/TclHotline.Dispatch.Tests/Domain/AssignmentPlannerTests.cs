using TclHotline.Dispatch.Domain.Network;
using TclHotline.Dispatch.Domain.Planning;
using static TclHotline.Dispatch.Tests.Domain.ChinaTime;
using static TclHotline.Dispatch.Tests.Domain.PlannerScenario;

namespace TclHotline.Dispatch.Tests.Domain;

public class AssignmentPlannerTests
{
    private static NetworkBuilder Standard() => TwoOutlets()
        .Engineer("A", "O1")
        .Engineer("B", "O2", skills: [Skill.Repair, Skill.Panel]);

    [Theory]
    // Earliest arrival wins: A is 30 min away, B 45.
    [InlineData("2025-03-12 10:00", "430102", "", 24 * 60, "A 2025-03-12 10:30")]
    // Too late today for a visit to end inside the shift: tomorrow's first trip, still within 24 h.
    [InlineData("2025-03-12 17:00", "430102", "", 24 * 60, "A 2025-03-13 08:30")]
    // Tight window: arriving exactly at the commitment keeps it; one minute less and nobody can.
    [InlineData("2025-03-12 10:00", "430102", "", 30, "A 2025-03-12 10:30")]
    [InlineData("2025-03-12 10:00", "430102", "", 29, "at risk: NoArrivalBeforeCommitment")]
    // Only B's outlet covers 430104.
    [InlineData("2025-03-12 10:00", "430104", "", 24 * 60, "B 2025-03-12 10:20")]
    // A panel fault needs the panel skill: B, though A would arrive sooner.
    [InlineData("2025-03-12 10:00", "430102", "Panel", 24 * 60, "B 2025-03-12 10:45")]
    // Nobody covers Liuyang (430181): escalate at once, without waiting for the breach.
    [InlineData("2025-03-12 10:00", "430181", "", 24 * 60, "at risk: NoEngineerCovers")]
    public void Rule02_urban_order_gets_the_earliest_feasible_arrival_before_the_commitment(
        string registered, string district, string fault, int commitmentMinutes, string expected)
    {
        var builder = Standard();
        builder.Options.UrbanCommitment = TimeSpan.FromMinutes(commitmentMinutes);
        var scenario = new PlannerScenario(builder, registered);

        var outcome = scenario.PlanUrban(Order(registered, district, fault: fault));

        Assert.Equal(expected, Describe(outcome));
        Assert.Equal(At(registered) + TimeSpan.FromMinutes(commitmentMinutes), outcome.Commitment.DueAt);
    }

    [Theory]
    // A works Monday to Friday. Friday 16:30: still today. Friday 18:30: Monday is past the 24 h.
    [InlineData("2025-03-14 16:30", "A 2025-03-14 17:00")]
    [InlineData("2025-03-14 18:30", "at risk: NoArrivalBeforeCommitment")]
    // Sunday 09:00: Monday 08:30 is within 24 h.
    [InlineData("2025-03-16 09:00", "A 2025-03-17 08:30")]
    public void Rule02_weekday_shifts_decide_whether_the_commitment_can_be_kept(string registered, string expected)
    {
        DayOfWeek[] weekdays = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];
        var scenario = new PlannerScenario(TwoOutlets().Engineer("A", "O1", days: weekdays), registered);

        Assert.Equal(expected, Describe(scenario.PlanUrban(Order(registered))));
    }

    [Fact]
    public void Rule02_at_risk_outcome_names_the_branch_director_the_reason_and_the_dates()
    {
        var scenario = new PlannerScenario(Standard(), "2025-03-12 10:00");

        var atRisk = Assert.IsType<CommitmentAtRisk>(scenario.PlanUrban(Order("2025-03-12 10:00", "430181")));

        Assert.Equal(("CS", "周建国"), (atRisk.BranchCode, atRisk.ServiceDirector));
        Assert.Contains("430181", atRisk.Detail);
        Assert.Contains("Rule02", atRisk.Commitment.Rule);
        Assert.Equal(At("2025-03-13 10:00"), atRisk.Commitment.DueAt);
    }

    [Theory]
    // Both arrive 10:30: fewer visits that day wins, then the id.
    [InlineData(0, 0, "A")]
    [InlineData(1, 0, "B")]
    [InlineData(0, 1, "A")]
    [InlineData(1, 1, "A")]
    [InlineData(2, 1, "B")]
    public void Equal_arrivals_go_to_the_engineer_with_fewer_visits_that_day_then_by_id(int visitsOfA, int visitsOfB, string expected)
    {
        var builder = new NetworkBuilder().Outlet("O1", ("430102", 30)).Outlet("O2", ("430102", 30))
            .Engineer("A", "O1", "06:00-18:00").Engineer("B", "O2", "06:00-18:00");
        var scenario = new PlannerScenario(builder, "2025-03-12 10:00");
        // Earlier visits today, already over by now.
        var earlier = new[] { "2025-03-12 06:30", "2025-03-12 08:00" };
        var schedule = Schedule.Of(earlier.Take(visitsOfA).Select(a => BookingOf("A", a))
            .Concat(earlier.Take(visitsOfB).Select(b => BookingOf("B", b))));

        var assigned = Assert.IsType<VisitAssigned>(scenario.PlanUrban(Order("2025-03-12 10:00"), schedule));

        Assert.Equal(expected, assigned.Plan.EngineerId);
        Assert.Equal(At("2025-03-12 10:30"), assigned.Plan.Arrival);
    }

    [Fact]
    public void Two_orders_competing_for_one_engineer_the_second_takes_the_next_best()
    {
        var scenario = new PlannerScenario(Standard(), "2025-03-12 10:00");
        var first = Assert.IsType<VisitAssigned>(scenario.PlanUrban(Order("2025-03-12 10:00")));
        var schedule = Schedule.Empty.With(first.Plan.ToBooking(Guid.NewGuid(), first.Order.OrderId));

        var second = scenario.PlanUrban(Order("2025-03-12 10:00"), schedule);

        Assert.Equal("A 2025-03-12 10:30", Describe(first));
        // A is busy until 11:30 and would be back at 12:00; B arrives at 10:45.
        Assert.Equal("B 2025-03-12 10:45", Describe(second));
    }

    [Fact]
    public void Orders_competing_for_one_engineer_at_full_capacity_end_at_risk()
    {
        // Only A covers remote-ish 430121 (60 min); A takes one visit a day.
        var scenario = new PlannerScenario(TwoOutlets().Engineer("A", "O1", capacity: 1), "2025-03-12 16:00");
        var schedule = Schedule.Empty;
        var results = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var outcome = scenario.PlanUrban(Order("2025-03-12 16:00", "430121"), schedule);
            if (outcome is VisitAssigned assigned)
            {
                schedule = schedule.With(assigned.Plan.ToBooking(Guid.NewGuid(), assigned.Order.OrderId));
            }

            results.Add(Describe(outcome));
        }

        Assert.Equal(["A 2025-03-12 17:00", "A 2025-03-13 09:00", "at risk: NoArrivalBeforeCommitment"], results);
    }

    [Fact]
    public void An_engineer_deactivated_with_bookings_has_them_replanned_most_urgent_first()
    {
        // B takes one visit a day; A is deactivated with two visits booked today.
        var scenario = new PlannerScenario(
            TwoOutlets().Engineer("A", "O1", active: false).Engineer("B", "O2", capacity: 1), "2025-03-12 10:00");
        var later = Order("2025-03-12 09:00");
        var sooner = Order("2025-03-12 08:00");
        var visits = new[]
        {
            new OpenVisit(later, new Commitment(At("2025-03-12 09:00"), At("2025-03-12 16:00"), CommitmentBasis.Urban, "test"),
                BookingOf("A", "2025-03-12 15:00", orderId: later.OrderId)),
            new OpenVisit(sooner, new Commitment(At("2025-03-12 08:00"), At("2025-03-12 14:00"), CommitmentBasis.Urban, "test"),
                BookingOf("A", "2025-03-12 13:00", orderId: sooner.OrderId)),
        };

        var outcomes = scenario.Planner.ReplanVisitsOf("A", scenario.Network, Schedule.Of(visits.Select(v => v.Booking)), visits);

        Assert.Equal([sooner.OrderId, later.OrderId], outcomes.Select(o => o.Order.OrderId));
        Assert.Equal(["B 2025-03-12 10:45", "at risk: NoArrivalBeforeCommitment"], outcomes.Select(Describe));
    }

    [Fact]
    public void An_inactive_engineer_is_never_chosen()
    {
        var scenario = new PlannerScenario(TwoOutlets().Engineer("A", "O1", active: false), "2025-03-12 10:00");

        Assert.Equal("at risk: NoEngineerCovers", Describe(scenario.PlanUrban(Order("2025-03-12 10:00"))));
    }

    [Theory]
    // B can still make it: reassign.
    [InlineData("430102", "B 2025-03-12 12:45")]
    // Only A's outlet covers 430121: nobody else, escalate.
    [InlineData("430121", "at risk: NoEngineerCovers")]
    public void At_an_SLA_warning_the_order_goes_to_another_engineer_who_can_still_make_it(string district, string expected)
    {
        var scenario = new PlannerScenario(Standard(), "2025-03-12 12:00");
        var order = Order("2025-03-11 16:00", district);
        var visit = new OpenVisit(order, scenario.Urban(order), BookingOf("A", "2025-03-12 14:00", orderId: order.OrderId));

        var outcome = scenario.Planner.Reassign(scenario.Network, Schedule.Of([visit.Booking]), visit);

        Assert.Equal(expected, Describe(outcome));
        Assert.Equal(At("2025-03-12 16:00"), outcome.Commitment.DueAt);
    }

    [Theory]
    [InlineData("X", null, "", "refused: engineer_id engineer X is unknown")]
    [InlineData("D", null, "", "refused: engineer_id engineer D is not active")]
    [InlineData("C", null, "", "refused: engineer_id outlet O3 of engineer C does not cover district 430102")]
    [InlineData("A", null, "Panel", "refused: engineer_id engineer A lacks skill Panel")]
    [InlineData("A", "2025-03-12 20:00", "", "refused: planned_arrival engineer A cannot arrive at 2025-03-12T12:00:00.0000000+00:00: OutsideShift")]
    [InlineData("A", "2025-03-13 15:00", "", "at risk: NoArrivalBeforeCommitment")]
    [InlineData("A", null, "", "A 2025-03-12 10:30")]
    [InlineData("B", "2025-03-12 14:00", "Panel", "B 2025-03-12 14:00")]
    public void Manual_override_is_checked_for_activity_skill_coverage_and_shift(string engineer, string? arrival, string fault, string expected)
    {
        var builder = Standard().Outlet("O3", ("430104", 20)).Engineer("C", "O3").Engineer("D", "O1", active: false);
        var scenario = new PlannerScenario(builder, "2025-03-12 10:00");
        var order = Order("2025-03-12 10:00", fault: fault);

        var outcome = scenario.Planner.Override(scenario.Network, Schedule.Empty, order, scenario.Urban(order), engineer, MaybeAt(arrival));

        Assert.Equal(expected, Describe(outcome));
    }

    [Fact]
    public void An_overridden_late_arrival_is_booked_but_shown_at_risk_with_the_plan()
    {
        var scenario = new PlannerScenario(Standard(), "2025-03-12 10:00");
        var order = Order("2025-03-12 10:00");

        var atRisk = Assert.IsType<CommitmentAtRisk>(
            scenario.Planner.Override(scenario.Network, Schedule.Empty, order, scenario.Urban(order), "A", At("2025-03-13 15:00")));

        Assert.Equal(("A", At("2025-03-13 15:00")), (atRisk.LatePlan!.EngineerId, atRisk.LatePlan.Arrival));
    }

    [Fact]
    public void Override_without_a_time_when_the_engineer_cannot_make_the_commitment_asks_for_one()
    {
        var builder = Standard();
        builder.Options.UrbanCommitment = TimeSpan.FromMinutes(20);
        var scenario = new PlannerScenario(builder, "2025-03-12 10:00");
        var order = Order("2025-03-12 10:00");

        var refused = Assert.IsType<AssignmentRefused>(
            scenario.Planner.Override(scenario.Network, Schedule.Empty, order, scenario.Urban(order), "A", null));

        Assert.Equal("planned_arrival", Assert.Single(refused.Problems).Field);
    }
}
