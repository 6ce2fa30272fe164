using TclHotline.Dispatch.Domain.Network;
using TclHotline.Dispatch.Domain.Planning;
using static TclHotline.Dispatch.Tests.Domain.ChinaTime;

namespace TclHotline.Dispatch.Tests.Domain;

public class EngineerAgendaTests
{
    private static readonly TimeSpan Travel = TimeSpan.FromMinutes(30);
    private static readonly TimeSpan Visit = TimeSpan.FromMinutes(60);

    private static EngineerAgenda Agenda(string shift, string now, int capacity = 5, params string[] bookedArrivals)
    {
        var network = new NetworkBuilder()
            .Outlet("O1", ("430102", 30))
            .Engineer("A", "O1", shift, capacity)
            .Build();
        var engineer = network.Engineer("A")!;
        var bookings = bookedArrivals.Select(a => new Booking(Guid.NewGuid(), Guid.NewGuid(), "A", At(a), Visit, Travel)).ToList();
        return new EngineerAgenda(engineer, network.BranchOf(engineer).Clock, bookings, At(now));
    }

    [Theory]
    // Day shift: leave now, arrive after the trip.
    [InlineData("08:00-18:00", "2025-03-12 10:00", "2025-03-12 10:30")]
    // Before the shift: the trip starts at the shift start.
    [InlineData("08:00-18:00", "2025-03-12 06:00", "2025-03-12 08:30")]
    // The visit must end by the shift end: 16:30 + 60 = 17:30 fits, 17:30 + 60 = 18:30 does not.
    [InlineData("08:00-18:00", "2025-03-12 16:00", "2025-03-12 16:30")]
    [InlineData("08:00-18:00", "2025-03-12 16:31", "2025-03-13 08:30")]
    [InlineData("08:00-18:00", "2025-03-12 16:30", "2025-03-12 17:00")]
    // Night shift crossing midnight: 18:00 to 02:00 the next day.
    [InlineData("18:00-02:00", "2025-03-12 23:00", "2025-03-12 23:30")]
    [InlineData("18:00-02:00", "2025-03-12 23:45", "2025-03-13 00:15")]
    // After midnight the shift that began yesterday evening is still running.
    [InlineData("18:00-02:00", "2025-03-13 00:20", "2025-03-13 00:50")]
    [InlineData("18:00-02:00", "2025-03-13 00:30", "2025-03-13 01:00")]
    // 00:31 + 30 min trip + 60 min visit ends 02:01, past the shift: tonight's shift then.
    [InlineData("18:00-02:00", "2025-03-13 00:31", "2025-03-13 18:30")]
    [InlineData("18:00-02:00", "2025-03-12 12:00", "2025-03-12 18:30")]
    public void Earliest_arrival_respects_shift_edges_including_across_midnight(string shift, string now, string expected)
    {
        var arrival = Agenda(shift, now).EarliestArrival(Travel, Visit, At(now), At("2025-03-20 00:00"));

        Assert.Equal(expected, Local(arrival!.Value));
    }

    [Theory]
    // A booked 10:30 visit keeps the engineer busy from 10:00 (leaving) to 11:30: next trip ends its day's arrival at 12:00.
    [InlineData("2025-03-12 10:00", new[] { "2025-03-12 10:30" }, 5, "2025-03-12 12:00")]
    // A gap of exactly trip + visit + the next booking's trip (09:30 to 11:30) is used.
    [InlineData("2025-03-12 08:00", new[] { "2025-03-12 08:30", "2025-03-12 11:30" }, 5, "2025-03-12 10:00")]
    // A gap one minute too short is not: after the second visit (11:29 + 60) plus the trip.
    [InlineData("2025-03-12 08:00", new[] { "2025-03-12 08:30", "2025-03-12 11:29" }, 5, "2025-03-12 12:59")]
    // Full capacity for the day: the next day's shift.
    [InlineData("2025-03-12 08:00", new[] { "2025-03-12 08:30", "2025-03-12 10:00" }, 2, "2025-03-13 08:30")]
    public void Earliest_arrival_avoids_bookings_and_respects_daily_capacity(string now, string[] booked, int capacity, string expected)
    {
        var arrival = Agenda("08:00-18:00", now, capacity, booked).EarliestArrival(Travel, Visit, At(now), At("2025-03-20 00:00"));

        Assert.Equal(expected, Local(arrival!.Value));
    }

    [Fact]
    public void Capacity_is_per_branch_local_day_so_a_night_shift_can_work_again_after_midnight()
    {
        // Capacity 1, tonight's one visit at 20:00: the same shift may take another after local midnight.
        var agenda = Agenda("18:00-02:00", "2025-03-12 19:00", capacity: 1, "2025-03-12 20:00");

        var arrival = agenda.EarliestArrival(Travel, Visit, At("2025-03-12 19:00"), At("2025-03-20 00:00"));

        Assert.Equal("2025-03-13 00:00", Local(arrival!.Value));
    }

    [Fact]
    public void No_arrival_inside_the_bound_gives_none()
    {
        var agenda = Agenda("08:00-18:00", "2025-03-12 17:00");

        Assert.Null(agenda.EarliestArrival(Travel, Visit, At("2025-03-12 17:00"), At("2025-03-13 08:29")));
        Assert.Equal("2025-03-13 08:30", Local(agenda.EarliestArrival(Travel, Visit, At("2025-03-12 17:00"), At("2025-03-13 08:30"))!.Value));
    }

    [Theory]
    [InlineData("2025-03-12 10:30", 3, null)]
    [InlineData("2025-03-12 17:00", 3, null)]
    [InlineData("2025-03-12 10:29", 3, VisitConflict.TooSoon)]
    [InlineData("2025-03-12 17:01", 3, VisitConflict.OutsideShift)]
    [InlineData("2025-03-12 20:00", 3, VisitConflict.OutsideShift)]
    [InlineData("2025-03-12 13:00", 3, VisitConflict.OverlapsBooking)]
    [InlineData("2025-03-12 11:59", 3, VisitConflict.OverlapsBooking)]
    [InlineData("2025-03-12 15:00", 2, VisitConflict.CapacityReached)]
    [InlineData("2025-03-13 15:00", 2, null)]
    public void Conflict_at_a_given_time_names_the_reason(string arrival, int capacity, VisitConflict? expected)
    {
        var agenda = Agenda("08:00-18:00", "2025-03-12 10:00", capacity, "2025-03-12 12:30", "2025-03-12 08:30");

        Assert.Equal(expected, agenda.ConflictAt(At(arrival), Travel, Visit));
    }
}
