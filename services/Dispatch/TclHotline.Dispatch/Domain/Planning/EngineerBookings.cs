using System.Collections.Immutable;
using TclHotline.Dispatch.Domain.Network;

namespace TclHotline.Dispatch.Domain.Planning;

/// <summary>
/// One engineer's bookings in a <see cref="Schedule"/>, with what planning works out from them: their busy times in
/// order, to check a candidate trip against, and how many arrive on each branch-local day, for capacity. Worked out once and kept, so that planning a batch of orders against one schedule
/// does it once per engineer rather than per order; a booking added or removed gives that engineer new ones and
/// leaves the others' as they are. An array rather than an immutable list: every candidate arrival is checked
/// against every booking, and an engineer has at most a few days of visits in a schedule, so copying it to add
/// one costs less than building and walking a tree.
/// </summary>
public sealed class EngineerBookings
{
    public static EngineerBookings None { get; } = new([]);

    // Each is replaced whole, never changed, so that threads sharing a schedule may share them.
    private BusyTimes? _busy;
    private LocalDays? _days;

    public EngineerBookings(ImmutableArray<Booking> all) => All = all;

    public ImmutableArray<Booking> All { get; }

    /// <summary>
    /// Whether any booking overlaps [<paramref name="busyFrom"/>, <paramref name="busyUntil"/>)
    /// (<see cref="Booking.Overlaps"/>), found by a binary search: a busy engineer's every candidate arrival is checked,
    /// and checking each against every booking made planning grow with the square of their visits.
    /// </summary>
    public bool AnyOverlaps(DateTimeOffset busyFrom, DateTimeOffset busyUntil)
    {
        var busy = _busy ??= BusyTimes.Of(All);
        // The bookings leaving before busyUntil are a prefix of those sorted by departure; one of them overlaps when
        // the latest end among them is after busyFrom.
        var leavingBefore = busy.Departures.AsSpan().BinarySearch(busyUntil);
        if (leavingBefore < 0)
        {
            leavingBefore = ~leavingBefore;
        }
        else
        {
            // Departures equal to busyUntil do not overlap; step back over every one of them.
            while (leavingBefore > 0 && busy.Departures[leavingBefore - 1] == busyUntil)
            {
                leavingBefore--;
            }
        }

        return leavingBefore > 0 && busy.LatestEndUpTo[leavingBefore - 1] > busyFrom;
    }

    /// <summary>How many bookings arrive on the branch-local <paramref name="date"/>.</summary>
    public int CountOn(BranchClock clock, DateOnly date)
    {
        var days = _days;
        if (days is null || days.Clock != clock)
        {
            var counts = new Dictionary<DateOnly, int>();
            foreach (var booking in All)
            {
                var day = clock.LocalDate(booking.Arrival);
                counts[day] = counts.GetValueOrDefault(day) + 1;
            }

            _days = days = new LocalDays(clock, counts);
        }

        return days.Counts.GetValueOrDefault(date);
    }

    private sealed record LocalDays(BranchClock Clock, Dictionary<DateOnly, int> Counts);

    /// <summary>The bookings' departures in ascending order, and the latest end among the first i of them.</summary>
    private sealed record BusyTimes(DateTimeOffset[] Departures, DateTimeOffset[] LatestEndUpTo)
    {
        public static BusyTimes Of(ImmutableArray<Booking> bookings)
        {
            var departures = new DateTimeOffset[bookings.Length];
            var latest = new DateTimeOffset[bookings.Length];
            for (var i = 0; i < bookings.Length; i++)
            {
                departures[i] = bookings[i].Departure;
                latest[i] = bookings[i].End;
            }

            // Each end sorted along with its departure, then turned into the latest end up to it.
            Array.Sort(departures, latest);
            for (var i = 1; i < latest.Length; i++)
            {
                latest[i] = latest[i - 1] > latest[i] ? latest[i - 1] : latest[i];
            }

            return new(departures, latest);
        }
    }
}
