using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace TclHotline.Dispatch.Domain.Network;

/// <summary>
/// Converts between UTC instants and a branch's wall clock: shifts, capacity days and appointment
/// windows are all in branch time, while every stored instant is UTC.
/// </summary>
public readonly record struct BranchClock(TimeZoneInfo Zone)
{
    private static readonly ConcurrentDictionary<string, BranchClock> Clocks = new(StringComparer.Ordinal);

    // Get-only, so that `with` cannot give a clock another zone while keeping the offsets worked out for this one.
    public TimeZoneInfo Zone { get; } = Zone;

    // Planning converts instants for every candidate engineer many times per order, and TimeZoneInfo looks up its
    // adjustment rule on every call. Where no rule changes the offset, the offset is the base offset, which is what
    // TimeZoneInfo itself answers there; the span of such instants is worked out once per zone.
    private readonly FixedOffset? _fixed = FixedOffset.Of(Zone);

    /// <summary>
    /// The clock of a time zone id, looked up once per process: FindSystemTimeZoneById takes a process-wide lock,
    /// and planning asks for the branch clock of every candidate engineer several times per order. An unknown id
    /// throws each time, as the lookup does.
    /// </summary>
    public static BranchClock Of(string timeZoneId) => Clocks.GetOrAdd(timeZoneId, id => new(TimeZoneInfo.FindSystemTimeZoneById(id)));

    public DateTime LocalTime(DateTimeOffset instant)
    {
        var utc = instant.UtcDateTime;
        return _fixed is { } fixedOffset && fixedOffset.Holds(utc)
            ? new DateTime(utc.Ticks + fixedOffset.Offset.Ticks, DateTimeKind.Unspecified)
            : TimeZoneInfo.ConvertTime(instant, Zone).DateTime;
    }

    public DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(LocalTime(instant));

    public DateTimeOffset Instant(DateOnly date, TimeOnly time) => Instant(date.ToDateTime(time));

    public DateTimeOffset Instant(DateTime local)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (_fixed is { } fixedOffset && fixedOffset.Holds(unspecified))
        {
            // No rule applies, so no wall time is skipped or repeated here.
            return new DateTimeOffset(unspecified.Ticks - fixedOffset.Offset.Ticks, TimeSpan.Zero);
        }

        // A wall time skipped by a DST jump does not exist; take the instant just after the jump.
        while (Zone.IsInvalidTime(unspecified))
        {
            unspecified = unspecified.AddMinutes(1);
        }

        return new DateTimeOffset(unspecified, Zone.GetUtcOffset(unspecified)).ToUniversalTime();
    }

    public bool Equals(BranchClock other) => Equals(Zone, other.Zone);

    public override int GetHashCode() => Zone?.GetHashCode() ?? 0;

    /// <summary>The instant the branch-local day containing <paramref name="instant"/> starts.</summary>
    public DateTimeOffset StartOfDay(DateTimeOffset instant) => Instant(LocalDate(instant), TimeOnly.MinValue);

    /// <summary>
    /// The times (UTC or wall clock alike) at which a zone's offset is its base offset because none of its adjustment
    /// rules that change the offset is near: before the first such rule and after the last, each widened by two days
    /// so that the difference between UTC and wall time, and the rules' own time basis, cannot matter. A zone that
    /// keeps daylight saving today has a last rule without end, so only its distant past is fixed.
    /// </summary>
    private sealed class FixedOffset
    {
        private static readonly ConditionalWeakTable<TimeZoneInfo, FixedOffset> Zones = [];
        private static readonly TimeSpan Margin = TimeSpan.FromDays(2);

        // Away from DateTime's ends, where TimeZoneInfo clamps instead of adding the offset.
        private static readonly DateTime Earliest = new(2, 1, 1);
        private static readonly DateTime Latest = new(9998, 1, 1);

        private readonly DateTime _before;
        private readonly DateTime _after;

        private FixedOffset(TimeZoneInfo zone)
        {
            Offset = zone.BaseUtcOffset;
            var changing = zone.GetAdjustmentRules().Where(r => r.DaylightDelta != TimeSpan.Zero || r.BaseUtcOffsetDelta != TimeSpan.Zero).ToList();
            _before = changing.Count == 0 ? Latest : changing.Min(r => r.DateStart);
            _before = _before < Earliest + Margin ? Earliest : _before - Margin;
            _after = changing.Count == 0 ? Latest : changing.Max(r => r.DateEnd);
            _after = _after > Latest - Margin ? Latest : _after + Margin;
        }

        public TimeSpan Offset { get; }

        public static FixedOffset? Of(TimeZoneInfo? zone) => zone is null ? null : Zones.GetValue(zone, z => new FixedOffset(z));

        public bool Holds(DateTime time) => time > Earliest && time < Latest && (time < _before || time > _after);
    }
}
