using TclHotline.Dispatch.Domain.Network;

namespace TclHotline.Dispatch.Domain.Planning;

public enum VisitConflict
{
    /// <summary>Leaving now, the engineer cannot be there by then.</summary>
    TooSoon,

    /// <summary>The trip and the visit do not fit inside one of the engineer's shifts.</summary>
    OutsideShift,

    /// <summary>The engineer is travelling to or working on another visit.</summary>
    OverlapsBooking,

    /// <summary>The engineer's visits that branch-local day are at capacity.</summary>
    CapacityReached,
}

/// <summary>
/// One engineer's free time: shifts in branch time, minus booked visits (each with its trip from
/// the outlet), under a daily capacity counted per branch-local day of arrival.
/// </summary>
public sealed class EngineerAgenda(Engineer engineer, BranchClock clock, IReadOnlyList<Booking> bookings, DateTimeOffset now)
{
    // Copied once into an array: every candidate arrival is checked against every booking, and walking the
    // schedule's immutable list (a tree) for each check, with a closure, was most of the planner's time.
    private readonly Booking[] _bookings = [.. bookings];

    // The local day of each booking's arrival, worked out once: capacity is checked for every candidate arrival.
    private DateOnly[]? _bookingDays;

    public int BookingsOn(DateOnly date)
    {
        _bookingDays ??= Array.ConvertAll(_bookings, b => clock.LocalDate(b.Arrival));
        var count = 0;
        foreach (var day in _bookingDays)
        {
            if (day == date)
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>Why the engineer could not arrive at <paramref name="arrival"/>, or null when they can.</summary>
    public VisitConflict? ConflictAt(DateTimeOffset arrival, TimeSpan travel, TimeSpan duration)
    {
        var departure = arrival - travel;
        var end = arrival + duration;
        if (departure < now)
        {
            return VisitConflict.TooSoon;
        }

        // Travel is working time, so the whole trip and the visit must sit inside one shift.
        if (!InOneShift(departure, end))
        {
            return VisitConflict.OutsideShift;
        }

        foreach (var booking in _bookings)
        {
            if (booking.Overlaps(departure, end))
            {
                return VisitConflict.OverlapsBooking;
            }
        }

        return BookingsOn(clock.LocalDate(arrival)) >= engineer.DailyCapacity ? VisitConflict.CapacityReached : null;
    }

    /// <summary>
    /// The earliest arrival in [notBefore, notAfter] with no conflict. The feasible times form
    /// intervals that each begin at the lower bound, a shift start plus travel, the end of a booked
    /// visit plus travel, or a local midnight (where a new day's capacity begins), so only those
    /// instants need trying.
    /// </summary>
    public DateTimeOffset? EarliestArrival(TimeSpan travel, TimeSpan duration, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        var lowest = notBefore > now + travel ? notBefore : now + travel;
        if (lowest > notAfter)
        {
            return null;
        }

        // The lower bound is the first candidate; a free engineer (the common case) needs no others worked out.
        if (ConflictAt(lowest, travel, duration) is null)
        {
            return lowest;
        }

        var candidates = new SortedSet<DateTimeOffset> { lowest };
        foreach (var period in engineer.Shifts.SelectMany(s => s.PeriodsBetween(clock, lowest - travel, notAfter)))
        {
            candidates.Add(period.Start + travel);
            for (var day = clock.LocalDate(period.Start).AddDays(1); day <= clock.LocalDate(period.End); day = day.AddDays(1))
            {
                candidates.Add(clock.Instant(day, TimeOnly.MinValue));
            }
        }

        foreach (var booking in _bookings)
        {
            candidates.Add(booking.End + travel);
        }

        foreach (var candidate in candidates.GetViewBetween(lowest, notAfter))
        {
            if (ConflictAt(candidate, travel, duration) is null)
            {
                return candidate;
            }
        }

        return null;
    }

    private bool InOneShift(DateTimeOffset departure, DateTimeOffset end)
    {
        foreach (var shift in engineer.Shifts)
        {
            foreach (var period in shift.PeriodsBetween(clock, departure, departure))
            {
                if (period.Start <= departure && end <= period.End)
                {
                    return true;
                }
            }
        }

        return false;
    }
}
