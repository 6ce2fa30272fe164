using System.Collections.Immutable;
using TclHotline.Dispatch.Domain.Network;

namespace TclHotline.Dispatch.Domain.Planning;

/// <summary>
/// One engineer's bookings in a <see cref="Schedule"/>, with what planning works out from them: the branch-local day
/// of each arrival, for capacity. Worked out once and kept, so that planning a batch of orders against one schedule
/// does it once per engineer rather than per order; a booking added or removed gives that engineer new ones and
/// leaves the others' as they are. An array rather than an immutable list: every candidate arrival is checked
/// against every booking, and an engineer has at most a few days of visits in a schedule, so copying it to add
/// one costs less than building and walking a tree.
/// </summary>
public sealed class EngineerBookings
{
    public static EngineerBookings None { get; } = new([]);

    // Replaced whole, never changed, so that threads sharing a schedule may share it.
    private LocalDays? _days;

    public EngineerBookings(ImmutableArray<Booking> all) => All = all;

    public ImmutableArray<Booking> All { get; }

    /// <summary>The branch-local day of each booking's arrival, in the order of <see cref="All"/>.</summary>
    public DateOnly[] DaysOn(BranchClock clock)
    {
        if (_days is { } days && days.Clock == clock)
        {
            return days.Dates;
        }

        var dates = new DateOnly[All.Length];
        for (var i = 0; i < dates.Length; i++)
        {
            dates[i] = clock.LocalDate(All[i].Arrival);
        }

        _days = new LocalDays(clock, dates);
        return dates;
    }

    private sealed record LocalDays(BranchClock Clock, DateOnly[] Dates);
}
