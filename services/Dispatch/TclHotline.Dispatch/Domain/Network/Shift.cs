namespace TclHotline.Dispatch.Domain.Network;

/// <summary>
/// A working shift in branch time on the given weekdays (the day the shift starts). When
/// <see cref="End"/> is not after <see cref="Start"/> the shift crosses midnight into the next day.
/// </summary>
public sealed record Shift(IReadOnlySet<DayOfWeek> Days, TimeOnly Start, TimeOnly End)
{
    public bool CrossesMidnight => End <= Start;

    /// <summary>The concrete shift periods that overlap [from, to], earliest first.</summary>
    public IEnumerable<WorkPeriod> PeriodsBetween(BranchClock clock, DateTimeOffset from, DateTimeOffset to)
    {
        // Start a day early: a shift that began yesterday evening may still be running.
        for (var date = clock.LocalDate(from).AddDays(-1); date <= clock.LocalDate(to); date = date.AddDays(1))
        {
            if (!Days.Contains(date.DayOfWeek))
            {
                continue;
            }

            var start = clock.Instant(date, Start);
            var end = clock.Instant(CrossesMidnight ? date.AddDays(1) : date, End);
            var period = new WorkPeriod(start, end);
            if (period.Overlaps(from, to))
            {
                yield return period;
            }
        }
    }
}

/// <summary>One concrete occurrence of a shift, as UTC instants.</summary>
public readonly record struct WorkPeriod(DateTimeOffset Start, DateTimeOffset End)
{
    /// <summary>Whether the period is still running after <paramref name="from"/> and has begun by <paramref name="to"/>.</summary>
    public bool Overlaps(DateTimeOffset from, DateTimeOffset to) => End > from && Start <= to;
}
