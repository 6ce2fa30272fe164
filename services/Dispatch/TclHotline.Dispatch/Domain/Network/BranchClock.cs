using System.Collections.Concurrent;

namespace TclHotline.Dispatch.Domain.Network;

/// <summary>
/// Converts between UTC instants and a branch's wall clock: shifts, capacity days and appointment
/// windows are all in branch time, while every stored instant is UTC.
/// </summary>
public readonly record struct BranchClock(TimeZoneInfo Zone)
{
    private static readonly ConcurrentDictionary<string, TimeZoneInfo> Zones = new(StringComparer.Ordinal);

    /// <summary>
    /// The clock of a time zone id, looked up once per process: FindSystemTimeZoneById takes a process-wide lock,
    /// and planning asks for the branch clock of every candidate engineer several times per order. An unknown id
    /// throws each time, as the lookup does.
    /// </summary>
    public static BranchClock Of(string timeZoneId) => new(Zones.GetOrAdd(timeZoneId, TimeZoneInfo.FindSystemTimeZoneById));

    public DateTime LocalTime(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone).DateTime;

    public DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(LocalTime(instant));

    public DateTimeOffset Instant(DateOnly date, TimeOnly time) => Instant(date.ToDateTime(time));

    public DateTimeOffset Instant(DateTime local)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        // A wall time skipped by a DST jump does not exist; take the instant just after the jump.
        while (Zone.IsInvalidTime(unspecified))
        {
            unspecified = unspecified.AddMinutes(1);
        }

        return new DateTimeOffset(unspecified, Zone.GetUtcOffset(unspecified)).ToUniversalTime();
    }

    /// <summary>The instant the branch-local day containing <paramref name="instant"/> starts.</summary>
    public DateTimeOffset StartOfDay(DateTimeOffset instant) => Instant(LocalDate(instant), TimeOnly.MinValue);
}
