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
    public ScheduleWindow Union(ScheduleWindow other) => new(
        EngineerIds.Union(other.EngineerIds, StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal),
        From < other.From ? From : other.From,
        Until > other.Until ? Until : other.Until);
}
