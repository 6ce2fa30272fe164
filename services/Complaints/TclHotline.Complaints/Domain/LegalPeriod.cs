namespace TclHotline.Complaints.Domain;

/// <summary>
/// Periods as Chinese law counts them: the starting day is not counted, day 1 is the next calendar
/// day in the branch's time zone, and the last day counts whole.
/// </summary>
public static class LegalPeriod
{
    /// <summary>The first instant (UTC) after a period of <paramref name="days"/> days starting at <paramref name="start"/>.</summary>
    public static DateTimeOffset EndOfDays(DateTimeOffset start, int days, TimeZoneInfo zone)
    {
        var startDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(start, zone).DateTime);
        var dayAfterLast = startDay.AddDays(days + 1).ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(dayAfterLast, zone.GetUtcOffset(dayAfterLast)).ToUniversalTime();
    }
}
