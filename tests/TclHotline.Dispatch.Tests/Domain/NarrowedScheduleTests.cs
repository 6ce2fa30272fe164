using Microsoft.Extensions.Time.Testing;
using TclHotline.Dispatch.Domain.Network;
using TclHotline.Dispatch.Domain.Planning;
using static TclHotline.Dispatch.Tests.Domain.ChinaTime;

namespace TclHotline.Dispatch.Tests.Domain;

/// <summary>
/// Dispatch reads only the bookings the planner's window names (eligible engineers, around [now, latest arrival]).
/// Over random networks, bookings and clocks, every kind of decision made with those bookings must equal the one
/// made with all of them.
/// </summary>
public class NarrowedScheduleTests
{
    private static readonly string[] Districts = ["430102", "430104", "430121", "440101"];

    public static TheoryData<int> Seeds() => [.. Enumerable.Range(1, 80)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void A_decision_made_with_the_window_of_bookings_equals_the_one_made_with_all_of_them(int seed)
    {
        var random = new Random(seed);
        var (network, builder, engineerIds) = RandomNetwork(random);
        // Around the European daylight-saving changes (30 March, 26 October 2025), so local days of 23 and 25 hours occur.
        var now = (random.Next(2) == 0 ? At("2025-03-27 00:00") : At("2025-10-23 00:00")) + TimeSpan.FromMinutes(random.Next(6 * 24 * 60));
        var planner = new AssignmentPlanner(builder.Options, new FakeTimeProvider(now));
        var all = Schedule.Of(Enumerable.Range(0, random.Next(0, 400)).Select(_ => RandomBooking(random, engineerIds, now)));
        Schedule Narrowed(ScheduleWindow window) => Schedule.Of(all.Bookings.Where(window.Contains));

        for (var i = 0; i < 10; i++)
        {
            var order = RandomOrder(random, now);
            if (planner.Commitments.ForNewOrder(order) is { } commitment)
            {
                var window = planner.BookingsFor(network, order, commitment.DueAt);
                Same(planner.Plan(network, all, order, commitment), planner.Plan(network, Narrowed(window), order, commitment));
            }

            var proposalWindow = planner.BookingsFor(network, order, planner.LatestProposedArrival);
            Assert.Equal(Render(planner.ProposeAppointments(network, all, order)),
                Render(planner.ProposeAppointments(network, Narrowed(proposalWindow), order)));

            var windowStart = now + TimeSpan.FromMinutes(random.Next(-60, 9 * 24 * 60));
            var bookWindow = planner.BookingsFor(network, order, planner.Commitments.WindowAt(windowStart).End);
            Same(planner.BookAppointment(network, all, order, windowStart), planner.BookAppointment(network, Narrowed(bookWindow), order, windowStart));

            var urban = planner.Commitments.Urban(order.RegisteredAt);
            var engineer = engineerIds[random.Next(engineerIds.Count)];
            DateTimeOffset? arrival = random.Next(3) == 0 ? null : now + TimeSpan.FromMinutes(random.Next(-120, 4 * 24 * 60));
            var overrideWindow = planner.BookingsOf(engineer, urban, arrival);
            Same(planner.Override(network, all, order, urban, engineer, arrival),
                planner.Override(network, Narrowed(overrideWindow), order, urban, engineer, arrival));

            if (all.Of(engineer) is { Count: > 0 } theirs)
            {
                var visit = new OpenVisit(order, urban, theirs[random.Next(theirs.Count)]);
                Same(planner.Reassign(network, all, visit), planner.Reassign(network, Narrowed(planner.BookingsFor(network, order, urban.DueAt)), visit));

                var newStart = now + TimeSpan.FromMinutes(random.Next(-60, 5 * 24 * 60));
                foreach (var cause in new[] { RescheduleCause.Customer, RescheduleCause.Outlet })
                {
                    var latest = planner.Commitments.Reschedule(urban, newStart, cause).DueAt;
                    var window = planner.BookingsFor(network, order, latest > newStart ? latest : newStart, engineer);
                    Same(planner.Reschedule(network, all, visit, newStart, cause), planner.Reschedule(network, Narrowed(window), visit, newStart, cause));
                }

                var open = theirs.Select(b => new OpenVisit(RandomOrder(random, now), urban, b)).ToList();
                var replanWindow = open.Select(v => planner.BookingsFor(network, v.Order, v.Commitment.DueAt)).Aggregate((a, b) => a.Union(b));
                Assert.Equal(planner.ReplanVisitsOf(engineer, network, all, open).Select(Render),
                    planner.ReplanVisitsOf(engineer, network, Narrowed(replanWindow), open).Select(Render));
            }
        }
    }

    [Fact]
    public void Schedule_by_engineer_adds_and_removes_without_changing_the_original()
    {
        var a1 = PlannerScenario.BookingOf("A", "2025-03-12 10:00");
        var a2 = PlannerScenario.BookingOf("A", "2025-03-12 14:00");
        var b1 = PlannerScenario.BookingOf("B", "2025-03-12 10:00");
        var schedule = Schedule.Of([a1, b1]);

        var more = schedule.With(a2);
        var less = more.Without(a1.VisitId).Without(b1.VisitId).Without(Guid.NewGuid());

        Assert.Equal([a1], schedule.Of("A"));
        Assert.Equal([a1, a2], more.Of("A"));
        Assert.Equal([a2], less.Of("A"));
        Assert.Empty(less.Of("B"));
        Assert.Empty(schedule.Of("C"));
        Assert.Equal(3, more.Bookings.Count());
    }

    internal static void Same(AssignmentOutcome whole, AssignmentOutcome narrowed) => Assert.Equal(Render(whole), Render(narrowed));

    internal static string Render(AssignmentOutcome outcome) => outcome switch
    {
        VisitAssigned a => $"assigned {a.Plan} due {a.Commitment.DueAt:O}",
        CommitmentAtRisk r => $"at risk {r.Reason}: {r.Detail}; late {r.LatePlan}",
        AssignmentRefused f => "refused " + string.Join("; ", f.Problems),
        _ => throw new ArgumentOutOfRangeException(nameof(outcome)),
    };

    private static string Render(AppointmentProposal proposal) =>
        string.Join(" | ", proposal.Slots.Select(s => $"{s.Window} {s.Plan}")) + " / " + proposal.NoneReason;

    internal static (ServiceNetwork, NetworkBuilder, IReadOnlyList<string>) RandomNetwork(Random random)
    {
        var builder = new NetworkBuilder()
            .Branch("DE", "Europe/Berlin", "4401")
            .Outlet("O1", ("430102", 30), ("430121", 60))
            .Outlet("O2", ("430102", 45), ("430104", 20))
            .Outlet("O3", "DE", ("440101", 25));
        string[] outlets = ["O1", "O2", "O3"];
        string[] shifts = ["08:00-18:00", "00:00-23:59", "20:00-06:00", "12:00-22:00"];
        var ids = new List<string>();
        for (var i = 0; i < random.Next(2, 9); i++)
        {
            var id = $"E{i}";
            ids.Add(id);
            var days = Enum.GetValues<DayOfWeek>().Where(_ => random.Next(4) > 0).ToArray();
            builder.Engineer(id, outlets[random.Next(outlets.Length)], shifts[random.Next(shifts.Length)], capacity: random.Next(1, 7),
                skills: random.Next(2) == 0 ? [Skill.Repair] : [Skill.Repair, Skill.Panel], active: random.Next(6) > 0,
                visitMinutes: random.Next(1, 9) * 30, days: days.Length > 0 ? days : null);
        }

        // Bookings of someone no longer in the network are read too; the planner must ignore them either way.
        ids.Add("GONE");
        return (builder.Build(), builder, ids);
    }

    internal static Booking RandomBooking(Random random, IReadOnlyList<string> engineerIds, DateTimeOffset now) =>
        new(Guid.NewGuid(), Guid.NewGuid(), engineerIds[random.Next(engineerIds.Count)],
            now + TimeSpan.FromMinutes(random.Next(-6 * 24 * 60, 12 * 24 * 60)),
            TimeSpan.FromMinutes(random.Next(1, 9) * 30), TimeSpan.FromMinutes(random.Next(1, 10) * 10));

    internal static DispatchOrder RandomOrder(Random random, DateTimeOffset now)
    {
        var district = Districts[random.Next(Districts.Length)];
        var urban = district != "430121";
        DateTimeOffset? requested = random.Next(4) == 0 ? now + TimeSpan.FromMinutes(random.Next(0, 3 * 24 * 60)) : null;
        return new DispatchOrder(Guid.NewGuid(), random.Next(5) == 0 ? OrderType.Installation : OrderType.Repair,
            district.StartsWith("44", StringComparison.Ordinal) ? "DE" : "CS", district, urban,
            now - TimeSpan.FromMinutes(random.Next(0, 20 * 60)), requested, random.Next(3) == 0 ? "Panel" : "");
    }
}
