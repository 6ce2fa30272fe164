using System.Collections.Immutable;
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
public sealed class EngineerAgenda(Engineer engineer, BranchClock clock, EngineerBookings bookings, DateTimeOffset now)
{
    // What is worked out from the bookings and the shifts is kept with the schedule and the engineer
    // (EngineerBookings, ShiftPeriods): every candidate arrival of every order in a batch is checked against them.
    private readonly ImmutableArray<Booking> _bookings = bookings.All;
    private readonly ShiftPeriods _shifts = ShiftPeriods.Of(engineer, clock);

    [ThreadStatic]
    private static List<DateTimeOffset>? t_candidates;

    public EngineerAgenda(Engineer engineer, BranchClock clock, IReadOnlyList<Booking> bookings, DateTimeOffset now)
        : this(engineer, clock, new EngineerBookings([.. bookings]), now)
    {
    }

    public int BookingsOn(DateOnly date) => bookings.CountOn(clock, date);

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

        if (bookings.AnyOverlaps(departure, end))
        {
            return VisitConflict.OverlapsBooking;
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

        // One list per thread, reused: a busy engineer has a candidate per booking, tried for every order in a batch.
        var candidates = t_candidates ??= [];
        candidates.Clear();
        void Consider(DateTimeOffset candidate)
        {
            if (candidate > lowest && candidate <= notAfter)
            {
                candidates.Add(candidate);
            }
        }

        foreach (var period in _shifts.Around(lowest - travel, notAfter))
        {
            if (!period.Overlaps(lowest - travel, notAfter))
            {
                continue;
            }

            Consider(period.Start + travel);
            for (var day = clock.LocalDate(period.Start).AddDays(1); day <= clock.LocalDate(period.End); day = day.AddDays(1))
            {
                Consider(clock.Instant(day, TimeOnly.MinValue));
            }
        }

        foreach (var booking in _bookings)
        {
            Consider(booking.End + travel);
        }

        // The lower bound was tried above; the rest earliest first, each time once.
        candidates.Sort();
        for (var i = 0; i < candidates.Count; i++)
        {
            if ((i == 0 || candidates[i] != candidates[i - 1]) && ConflictAt(candidates[i], travel, duration) is null)
            {
                return candidates[i];
            }
        }

        return null;
    }

    private bool InOneShift(DateTimeOffset departure, DateTimeOffset end)
    {
        foreach (var period in _shifts.Around(departure, departure))
        {
            if (period.Overlaps(departure, departure) && end <= period.End)
            {
                return true;
            }
        }

        return false;
    }
}
