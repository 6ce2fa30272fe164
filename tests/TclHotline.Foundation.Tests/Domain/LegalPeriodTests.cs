using System.Globalization;
using TclHotline.ServiceDefaults.Time;
using Xunit;

namespace TclHotline.Foundation.Tests.Domain;

public class LegalPeriodTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    private static DateOnly D(string date) => DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2025-01-31", 1, "2025-02-28")]  // no Feb 31: the month's last day
    [InlineData("2024-01-31", 1, "2024-02-29")]  // leap year
    [InlineData("2025-03-31", 1, "2025-04-30")]
    [InlineData("2025-01-15", 12, "2026-01-15")] // same date N months later
    [InlineData("2024-02-29", 12, "2025-02-28")]
    [InlineData("2024-02-29", 36, "2027-02-28")]
    [InlineData("2024-02-29", 48, "2028-02-29")]
    public void Period_of_months_ends_on_the_same_date_or_the_months_last_day(string start, int months, string lastDay)
    {
        Assert.Equal(D(lastDay), LegalPeriod.LastDayOfMonths(D(start), months));
    }

    [Theory]
    [InlineData("2025-03-01", "2025-03-01", true)]  // the starting day itself
    [InlineData("2025-03-01", "2025-03-08", true)]  // day 7: the last day counts whole
    [InlineData("2025-03-01", "2025-03-09", false)] // day 8
    [InlineData("2025-02-25", "2025-03-04", true)]  // across a month end, day 7
    [InlineData("2025-03-01", "2025-02-28", false)] // before the start
    public void Starting_day_is_not_counted_and_day_1_is_the_next_day(string start, string date, bool within)
    {
        Assert.Equal(within, LegalPeriod.IsWithinDays(D(start), 7, D(date)));
    }

    [Theory]
    [InlineData("2025-03-08T15:59:59Z", "2025-03-08")]
    [InlineData("2025-03-08T16:00:00Z", "2025-03-09")] // midnight in Beijing
    public void Dates_are_the_branchs_calendar_dates(string utc, string local)
    {
        Assert.Equal(D(local), LegalPeriod.LocalDate(DateTimeOffset.Parse(utc, CultureInfo.InvariantCulture), Shanghai));
    }
}
