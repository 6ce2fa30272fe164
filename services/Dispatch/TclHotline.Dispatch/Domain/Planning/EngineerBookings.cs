using System.Collections.Immutable;
using TclHotline.Dispatch.Domain.Network;

namespace TclHotline.Dispatch.Domain.Planning;

/// <summary>
/// One engineer's bookings in a <see cref="Schedule"/>, with what planning works out from them: an array to check
/// each candidate arrival against, and the branch-local day of each arrival for capacity. Worked out once and kept,
/// so that planning a batch of orders against one schedule does it once per engineer rather than per order; a
/// booking added or removed gives that engineer new ones and leaves the others' as they are.
/// </summary>
public sealed class EngineerBookings
{
    public static EngineerBookings None { get; } = new([]);

    // Each is replaced whole, never changed, so that threads sharing a schedule may share them.
    private Booking[]? _array;
    private LocalDays? _days;

    public EngineerBookings(ImmutableList<Booking> list) => List = list;

    public ImmutableList<Booking> List { get; }

    public Booking[] Array => _array ??= [.. List];

    /// <summary>The branch-local day of each booking's arrival, in the order of <see cref="Array"/>.</summary>
    public DateOnly[] DaysOn(BranchClock clock)
    {
        if (_days is { } days && days.Clock == clock)
        {
            return days.Dates;
        }

        var dates = System.Array.ConvertAll(Array, b => clock.LocalDate(b.Arrival));
        _days = new LocalDays(clock, dates);
        return dates;
    }

    private sealed record LocalDays(BranchClock Clock, DateOnly[] Dates);
}
