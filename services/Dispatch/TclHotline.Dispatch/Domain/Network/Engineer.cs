namespace TclHotline.Dispatch.Domain.Network;

/// <summary>
/// A person who goes on site from an outlet. <paramref name="VisitDurations"/> is how long a visit
/// of each order type takes them on site; <paramref name="DailyCapacity"/> caps visits per branch-local day.
/// </summary>
public sealed record Engineer(
    string Id,
    string Name,
    string OutletId,
    IReadOnlySet<Skill> Skills,
    IReadOnlyList<Shift> Shifts,
    IReadOnlyDictionary<OrderType, TimeSpan> VisitDurations,
    int DailyCapacity,
    bool Active);
