namespace TclHotline.Dispatch.Domain.Planning;

/// <summary>
/// The bookings that can matter to a decision: those of <see cref="EngineerIds"/> arriving in
/// [<see cref="From"/>, <see cref="Until"/>]. Only these are read, so the work per decision no longer grows
/// with every booking ever made. <see cref="AssignmentPlanner"/> says which window each decision needs.
/// </summary>
public sealed record ScheduleWindow(IReadOnlySet<string> EngineerIds, DateTimeOffset From, DateTimeOffset Until)
{
    public bool Contains(Booking booking) =>
        booking.Arrival >= From && booking.Arrival <= Until && EngineerIds.Contains(booking.EngineerId);

    /// <summary>The smallest window holding both.</summary>
    public ScheduleWindow Union(ScheduleWindow other) => Covering([this, other]);

    /// <summary>The smallest window holding all of <paramref name="windows"/> (at least one), with one set of engineers for all.</summary>
    public static ScheduleWindow Covering(IEnumerable<ScheduleWindow> windows)
    {
        var engineerIds = new HashSet<string>(StringComparer.Ordinal);
        DateTimeOffset? from = null, until = null;
        foreach (var window in windows)
        {
            engineerIds.UnionWith(window.EngineerIds);
            from = from is { } f && f < window.From ? f : window.From;
            until = until is { } u && u > window.Until ? u : window.Until;
        }

        return new(engineerIds, from ?? throw new ArgumentException("no window to cover", nameof(windows)), until!.Value);
    }
}
