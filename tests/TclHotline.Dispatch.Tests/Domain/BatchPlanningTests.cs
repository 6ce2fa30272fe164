using Microsoft.Extensions.Time.Testing;
using TclHotline.Dispatch.Domain.Network;
using TclHotline.Dispatch.Domain.Planning;
using static TclHotline.Dispatch.Tests.Domain.ChinaTime;
using static TclHotline.Dispatch.Tests.Domain.NarrowedScheduleTests;

namespace TclHotline.Dispatch.Tests.Domain;

/// <summary>
/// A batch of new orders is planned against one schedule that carries what was worked out for each engineer (bookings
/// array, their local days, shift periods) from one order to the next, renewing only the booked engineer's. Each
/// decision must be the one made against the bookings read afresh, whatever the clock did in between.
/// </summary>
public class BatchPlanningTests
{
    public static TheoryData<int> Seeds() => [.. Enumerable.Range(1, 60)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Planning_orders_one_after_the_other_against_one_schedule_equals_planning_each_against_the_bookings_read_afresh(int seed)
    {
        var random = new Random(seed);
        var (network, builder, engineerIds) = RandomNetwork(random);
        var now = (random.Next(2) == 0 ? At("2025-03-27 00:00") : At("2025-10-23 00:00")) + TimeSpan.FromMinutes(random.Next(6 * 24 * 60));
        var time = new FakeTimeProvider(now);
        var planner = new AssignmentPlanner(builder.Options, time);
        var booked = Enumerable.Range(0, random.Next(0, 200)).Select(_ => RandomBooking(random, engineerIds, now)).ToList();
        var threaded = Schedule.Of(booked);
        // A network of its own (other engineer objects), so that nothing worked out for the batch is reused here.
        var freshNetwork = builder.Build();

        for (var i = 0; i < 30; i++)
        {
            var order = RandomOrder(random, time.GetUtcNow());
            if (planner.Commitments.ForNewOrder(order) is not { } commitment)
            {
                continue;
            }

            var inBatch = planner.Plan(network, threaded, order, commitment);
            Same(planner.Plan(freshNetwork, Schedule.Of(booked), order, commitment), inBatch);
            if (inBatch switch { VisitAssigned a => a.Plan, CommitmentAtRisk r => r.LatePlan, _ => null } is { } plan)
            {
                var booking = plan.ToBooking(Guid.NewGuid(), order.OrderId);
                threaded = threaded.With(booking);
                booked.Add(booking);
            }

            // Orders of one batch are planned moments apart; sometimes the clock passes an engineer's next booking.
            time.Advance(TimeSpan.FromMinutes(random.Next(4) == 0 ? random.Next(30, 240) : random.Next(0, 2)));
        }

        Assert.Equal(booked.Count, threaded.Bookings.Count());
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void The_eligible_engineers_kept_with_a_network_are_those_each_order_would_find_engineer_by_engineer(int seed)
    {
        var random = new Random(seed);
        var (network, builder, _) = RandomNetwork(random);
        for (var i = 0; i < 40; i++)
        {
            var order = RandomOrder(random, At("2025-03-12 09:00"));
            var oneByOne = network.Engineers.Select(e => EligibleEngineer.For(network, e, order, builder.Options)).OfType<EligibleEngineer>();

            Assert.Equal(oneByOne, EligibleEngineer.All(network, order, builder.Options));
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void An_engineers_kept_bookings_answer_overlaps_and_day_counts_as_looking_at_every_booking_would(int seed)
    {
        var random = new Random(seed);
        var clock = BranchClock.Of(random.Next(2) == 0 ? "Asia/Shanghai" : "Europe/Berlin");
        var start = At("2025-03-28 00:00");
        // On a coarse grid, so that departures, ends and the times asked about often coincide; overlapping bookings too.
        DateTimeOffset Some() => start + TimeSpan.FromMinutes(30 * random.Next(0, 4 * 48));
        var all = Enumerable.Range(0, random.Next(0, 40))
            .Select(_ => new Booking(Guid.NewGuid(), Guid.NewGuid(), "A", Some(), TimeSpan.FromMinutes(30 * random.Next(0, 5)),
                TimeSpan.FromMinutes(30 * random.Next(0, 3))))
            .ToList();
        var kept = new EngineerBookings([.. all]);

        for (var i = 0; i < 300; i++)
        {
            var from = Some();
            var until = random.Next(4) == 0 ? from : from + TimeSpan.FromMinutes(30 * random.Next(0, 10));
            Assert.Equal(all.Any(b => b.Overlaps(from, until)), kept.AnyOverlaps(from, until));

            var day = clock.LocalDate(Some());
            Assert.Equal(all.Count(b => clock.LocalDate(b.Arrival) == day), kept.CountOn(clock, day));
        }
    }

    [Fact]
    public void Two_orders_of_one_batch_wanting_the_same_engineer_get_different_times_and_each_counts_for_the_next()
    {
        var builder = new NetworkBuilder().Outlet("O1", ("430102", 30)).Engineer("A", "O1", "08:00-18:00", capacity: 2);
        var network = builder.Build();
        var planner = new AssignmentPlanner(builder.Options, new FakeTimeProvider(At("2025-03-12 09:00")));
        var schedule = Schedule.Empty;
        var arrivals = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var order = new DispatchOrder(Guid.NewGuid(), OrderType.Repair, "CS", "430102", true, At("2025-03-12 09:00"), null, "");
            var outcome = planner.Plan(network, schedule, order, planner.Commitments.ForNewOrder(order)!);
            var plan = Assert.IsType<VisitAssigned>(outcome).Plan;
            arrivals.Add($"{Local(plan.Arrival)} ({plan.BookingsThatDay} before)");
            schedule = schedule.With(plan.ToBooking(Guid.NewGuid(), order.OrderId));
        }

        // One after the other (30 min trip, 60 min visit); the third finds the day at capacity and goes the next morning.
        Assert.Equal(["2025-03-12 09:30 (0 before)", "2025-03-12 11:00 (1 before)", "2025-03-13 08:30 (0 before)"], arrivals);
    }
}
