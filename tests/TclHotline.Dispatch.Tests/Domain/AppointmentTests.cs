using TclHotline.Dispatch.Domain.Planning;
using static TclHotline.Dispatch.Tests.Domain.ChinaTime;
using static TclHotline.Dispatch.Tests.Domain.PlannerScenario;

namespace TclHotline.Dispatch.Tests.Domain;

public class AppointmentTests
{
    private static DispatchOrder Remote() => Order("2025-03-12 10:00", "430121", urban: false);

    private static string[] Windows(AppointmentProposal proposal) =>
        proposal.Slots.Select(s => $"{Local(s.Window.Start)}-{Local(s.Window.End)[11..]} {s.Plan.EngineerId} {Local(s.Plan.Arrival)[11..]}").ToArray();

    [Fact]
    public void Rule02_remote_slots_come_from_real_availability_on_the_slot_grid()
    {
        // 430121 is 60 min from O1. A is booked 11:00 for 4 h, so busy 10:00-15:00 today.
        var scenario = new PlannerScenario(TwoOutlets().Engineer("A", "O1"), "2025-03-12 10:00");
        var schedule = Schedule.Of([BookingOf("A", "2025-03-12 11:00", travelMinutes: 60, visitMinutes: 240)]);

        var proposal = scenario.Planner.ProposeAppointments(scenario.Network, schedule, Remote());

        Assert.Null(proposal.NoneReason);
        Assert.Equal(
            ["2025-03-12 14:00-16:00 A 16:00", "2025-03-12 16:00-18:00 A 16:00", "2025-03-13 08:00-10:00 A 09:00"],
            Windows(proposal));
    }

    [Theory]
    [InlineData(1, 60, new[] { "2025-03-12 10:00-11:00 A 11:00" })]
    [InlineData(2, 120, new[] { "2025-03-12 10:00-12:00 A 11:00", "2025-03-12 12:00-14:00 A 12:00" })]
    public void Rule02_slot_count_and_length_come_from_options(int offered, int slotMinutes, string[] expected)
    {
        var builder = TwoOutlets().Engineer("A", "O1");
        builder.Options.AppointmentSlotsOffered = offered;
        builder.Options.AppointmentSlotLength = TimeSpan.FromMinutes(slotMinutes);
        var scenario = new PlannerScenario(builder, "2025-03-12 10:00");

        Assert.Equal(expected, Windows(scenario.Planner.ProposeAppointments(scenario.Network, Schedule.Empty, Remote())));
    }

    [Theory]
    // A works Mondays only; today is Wednesday. Three days ahead reach Saturday: nothing.
    [InlineData(3, 0)]
    // Five days ahead reach Monday.
    [InlineData(5, 3)]
    public void Rule02_slots_are_searched_only_over_the_configured_days_ahead(int daysAhead, int expectedSlots)
    {
        var builder = TwoOutlets().Engineer("A", "O1", days: [DayOfWeek.Monday]);
        builder.Options.AppointmentDaysAhead = daysAhead;
        var scenario = new PlannerScenario(builder, "2025-03-12 10:00");

        var proposal = scenario.Planner.ProposeAppointments(scenario.Network, Schedule.Empty, Remote());

        Assert.Equal(expectedSlots, proposal.Slots.Count);
        Assert.Equal(expectedSlots == 0, proposal.NoneReason is not null);
        Assert.All(proposal.Slots, s => Assert.Equal(DayOfWeek.Monday, s.Window.Start.ToOffset(TimeSpan.FromHours(8)).DayOfWeek));
    }

    [Fact]
    public void No_engineer_covering_the_district_means_no_slots_and_a_reason()
    {
        var scenario = new PlannerScenario(TwoOutlets().Engineer("A", "O1"), "2025-03-12 10:00");

        var proposal = scenario.Planner.ProposeAppointments(scenario.Network, Schedule.Empty, Order("2025-03-12 10:00", "430181", urban: false));

        Assert.Empty(proposal.Slots);
        Assert.Contains("430181", proposal.NoneReason);
    }

    [Theory]
    // The window's end becomes the commitment; the engineer comes inside the window.
    [InlineData("2025-03-13 08:00", "A 2025-03-13 09:00", "2025-03-13 10:00")]
    [InlineData("2025-03-13 16:00", "A 2025-03-13 16:00", "2025-03-13 18:00")]
    // A's shift ends at 18:00: nobody can come in the evening window.
    [InlineData("2025-03-13 18:00", "at risk: NoArrivalBeforeCommitment", "2025-03-13 20:00")]
    // A window that has begun already is refused.
    [InlineData("2025-03-12 08:00", "refused: window_start window start 2025-03-12T00:00:00.0000000+00:00 has passed", "2025-03-12 10:00")]
    public void Rule02_booking_an_appointment_makes_its_window_end_the_commitment(string windowStart, string expected, string due)
    {
        var scenario = new PlannerScenario(TwoOutlets().Engineer("A", "O1"), "2025-03-12 10:00");

        var outcome = scenario.Planner.BookAppointment(scenario.Network, Schedule.Empty, Remote(), At(windowStart));

        Assert.Equal((expected, At(due), CommitmentBasis.Appointment), (Describe(outcome), outcome.Commitment.DueAt, outcome.Commitment.Basis));
        Assert.Equal(At(windowStart), outcome.Commitment.NotBefore);
    }

    [Fact]
    public void A_slot_taken_meanwhile_cannot_be_booked_again()
    {
        var builder = TwoOutlets().Engineer("A", "O1", capacity: 1);
        var scenario = new PlannerScenario(builder, "2025-03-12 10:00");
        var first = Assert.IsType<VisitAssigned>(scenario.Planner.BookAppointment(scenario.Network, Schedule.Empty, Remote(), At("2025-03-13 08:00")));
        var schedule = Schedule.Empty.With(first.Plan.ToBooking(Guid.NewGuid(), first.Order.OrderId));

        var second = scenario.Planner.BookAppointment(scenario.Network, schedule, Remote(), At("2025-03-13 10:00"));

        Assert.Equal("at risk: NoArrivalBeforeCommitment", Describe(second));
    }
}
