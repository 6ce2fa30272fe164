using TclHotline.Dispatch.Domain;
using TclHotline.Dispatch.Domain.Planning;
using static TclHotline.Dispatch.Tests.Domain.ChinaTime;
using static TclHotline.Dispatch.Tests.Domain.PlannerScenario;

namespace TclHotline.Dispatch.Tests.Domain;

public class CommitmentTests
{
    [Theory]
    [InlineData("2025-03-12 10:00", 24, "2025-03-13 10:00")]
    [InlineData("2025-03-12 23:59", 24, "2025-03-13 23:59")]
    [InlineData("2025-03-12 10:00", 12, "2025-03-12 22:00")]
    public void Rule02_urban_commitment_is_registration_plus_the_configured_span(string registered, int hours, string due)
    {
        var policy = new CommitmentPolicy(new DispatchOptions { UrbanCommitment = TimeSpan.FromHours(hours) });

        var commitment = policy.ForNewOrder(Order(registered))!;

        Assert.Equal((At(registered), At(due), CommitmentBasis.Urban, false),
            (commitment.StartsAt, commitment.DueAt, commitment.Basis, commitment.CustomerCaused));
        Assert.StartsWith("Rule02 urban", commitment.Rule);
    }

    [Theory]
    // Urban, customer asks for Friday 14:00: the commitment moves to the end of that window, customer-caused.
    [InlineData(true, "2025-03-14 14:00", 120, CommitmentBasis.CustomerRequested, "2025-03-14 14:00", "2025-03-14 16:00", "2025-03-13 10:00")]
    [InlineData(true, "2025-03-14 14:00", 60, CommitmentBasis.CustomerRequested, "2025-03-14 14:00", "2025-03-14 15:00", "2025-03-13 10:00")]
    // Remote with a requested time: that window is the appointment.
    [InlineData(false, "2025-03-14 14:00", 120, CommitmentBasis.Appointment, "2025-03-14 14:00", "2025-03-14 16:00", null)]
    public void Rule02_a_requested_visit_time_becomes_the_commitment_window(
        bool urban, string requested, int slotMinutes, CommitmentBasis basis, string notBefore, string due, string? originalDue)
    {
        var policy = new CommitmentPolicy(new DispatchOptions { AppointmentSlotLength = TimeSpan.FromMinutes(slotMinutes) });

        var commitment = policy.ForNewOrder(Order("2025-03-12 10:00", urban: urban, requested: requested))!;

        Assert.Equal((basis, At(notBefore), At(due), MaybeAt(originalDue)),
            (commitment.Basis, commitment.NotBefore, commitment.DueAt, commitment.OriginalDueAt));
        Assert.Equal(basis == CommitmentBasis.CustomerRequested, commitment.CustomerCaused);
    }

    [Fact]
    public void Rule02_a_remote_order_has_no_commitment_until_an_appointment_is_booked()
    {
        Assert.Null(new CommitmentPolicy(new DispatchOptions()).ForNewOrder(Order("2025-03-12 10:00", "430121", urban: false)));
    }

    [Theory]
    // The customer moves the visit: new window, customer-caused, the first due kept for the record.
    [InlineData(RescheduleCause.Customer, "2025-03-15 09:00", "2025-03-15 11:00", CommitmentBasis.CustomerRequested, "2025-03-13 10:00")]
    // The outlet moves it: the original commitment stands.
    [InlineData(RescheduleCause.Outlet, "2025-03-15 09:00", "2025-03-13 10:00", CommitmentBasis.Urban, null)]
    public void Rule02_who_moves_a_visit_decides_whether_the_commitment_moves(
        RescheduleCause cause, string newStart, string due, CommitmentBasis basis, string? originalDue)
    {
        var policy = new CommitmentPolicy(new DispatchOptions());
        var urban = policy.Urban(At("2025-03-12 10:00"));

        var moved = policy.Reschedule(urban, At(newStart), cause);

        Assert.Equal((At(due), basis, MaybeAt(originalDue)), (moved.DueAt, moved.Basis, moved.OriginalDueAt));
    }

    [Fact]
    public void Rule02_moving_twice_keeps_the_very_first_due_as_the_original()
    {
        var policy = new CommitmentPolicy(new DispatchOptions());
        var first = policy.Reschedule(policy.Urban(At("2025-03-12 10:00")), At("2025-03-14 14:00"), RescheduleCause.Customer);

        var second = policy.Reschedule(first, At("2025-03-16 14:00"), RescheduleCause.Customer);

        Assert.Equal((At("2025-03-16 16:00"), At("2025-03-13 10:00")), (second.DueAt, second.OriginalDueAt));
    }

    [Fact]
    public void Customer_requested_time_is_planned_inside_the_requested_window()
    {
        var scenario = new PlannerScenario(TwoOutlets().Engineer("A", "O1"), "2025-03-12 10:00");
        var order = Order("2025-03-12 10:00", requested: "2025-03-14 14:00");

        var outcome = scenario.Planner.Plan(scenario.Network, Schedule.Empty, order, scenario.Planner.Commitments.ForNewOrder(order)!);

        Assert.Equal("A 2025-03-14 14:00", Describe(outcome));
        Assert.True(outcome.Commitment.CustomerCaused);
    }

    [Theory]
    [InlineData(RescheduleCause.Outlet, "2025-03-13 09:30", "A 2025-03-13 09:30", "2025-03-13 10:00")]
    [InlineData(RescheduleCause.Outlet, "2025-03-13 15:00", "at risk: NoArrivalBeforeCommitment", "2025-03-13 10:00")]
    [InlineData(RescheduleCause.Outlet, "2025-03-13 20:00", "refused: planned_arrival engineer A cannot arrive at 2025-03-13T12:00:00.0000000+00:00: OutsideShift", "2025-03-13 10:00")]
    [InlineData(RescheduleCause.Customer, "2025-03-14 14:00", "A 2025-03-14 14:00", "2025-03-14 16:00")]
    public void Rescheduling_a_visit_by_the_outlet_keeps_the_commitment_by_the_customer_moves_it(
        RescheduleCause cause, string newStart, string expected, string due)
    {
        var scenario = new PlannerScenario(TwoOutlets().Engineer("A", "O1"), "2025-03-12 12:00");
        var order = Order("2025-03-12 10:00");
        var visit = new OpenVisit(order, scenario.Urban(order), BookingOf("A", "2025-03-13 09:00", orderId: order.OrderId));

        var outcome = scenario.Planner.Reschedule(scenario.Network, Schedule.Of([visit.Booking]), visit, At(newStart), cause);

        Assert.Equal((expected, At(due)), (Describe(outcome), outcome.Commitment.DueAt));
        Assert.Equal(cause == RescheduleCause.Customer, outcome.Commitment.CustomerCaused);
    }
}
