namespace TclHotline.ServiceDefaults.Time;

/// <summary>
/// Periods counted as Chinese law counts them (Civil Code arts. 201–202): the starting day is not
/// counted, day 1 is the next calendar day, the last day counts whole, in the branch's time zone; N months
/// end on the same date N months later, or on that month's last day when the date does not exist.
/// One implementation for every service (warranty periods, repeat-repair windows…).
/// </summary>
public static class LegalPeriod
{
    /// <summary>The last day of a period of <paramref name="months"/> months starting on <paramref name="start"/>.</summary>
    // DateOnly.AddMonths already clamps to the month's last day (Jan 31 + 1 month = Feb 28/29).
    public static DateOnly LastDayOfMonths(DateOnly start, int months) => start.AddMonths(months);

    /// <summary>The last day of a period of <paramref name="days"/> days starting on <paramref name="start"/>.</summary>
    public static DateOnly LastDayOfDays(DateOnly start, int days) => start.AddDays(days);

    /// <summary>Which day of a period starting on <paramref name="start"/> the date is (the start itself is day 0).</summary>
    public static int DayNumber(DateOnly start, DateOnly date) => date.DayNumber - start.DayNumber;

    /// <summary>Whether <paramref name="date"/> is no later than day <paramref name="days"/> after <paramref name="start"/>.</summary>
    public static bool IsWithinDays(DateOnly start, int days, DateOnly date)
    {
        var day = DayNumber(start, date);
        return day >= 0 && day <= days;
    }

    /// <summary>The calendar date of an instant in a branch's time zone.</summary>
    public static DateOnly LocalDate(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);

    /// <summary>The first instant (UTC) after a period of <paramref name="days"/> days starting at <paramref name="start"/>.</summary>
    public static DateTimeOffset EndOfDays(DateTimeOffset start, int days, TimeZoneInfo zone)
    {
        var dayAfterLast = LastDayOfDays(LocalDate(start, zone), days + 1).ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(dayAfterLast, zone.GetUtcOffset(dayAfterLast)).ToUniversalTime();
    }
}
