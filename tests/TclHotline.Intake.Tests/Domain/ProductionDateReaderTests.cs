using TclHotline.Intake.Domain.Warranty;
using static TclHotline.Intake.Tests.Support.Clock;

namespace TclHotline.Intake.Tests.Domain;

public class ProductionDateReaderTests
{
    private static readonly DateOnly Today = D("2025-03-15");

    [Theory]
    [InlineData("55P71C2403A00123", "2024-03-01", "2024-03-31")]
    [InlineData("55P71C2402A00123", "2024-02-01", "2024-02-29")]
    [InlineData("55P71C2503A00123", "2025-03-01", "2025-03-15")] // this month: made by today at the latest
    public void Rule11_default_format_reads_year_and_month_from_the_serial(string serial, string first, string last)
    {
        var period = new ProductionDateReader(new SerialDateFormat()).Read(serial, null, Today);
        Assert.Equal(new ProductionPeriod(D(first), D(last), ProductionDateSource.SerialNumber), period);
    }

    [Theory]
    [InlineData("2024W01X", "2024-01-01", "2024-01-07")] // ISO week 1 of 2024 starts on Monday 1 January
    [InlineData("2020W53X", "2020-12-28", "2021-01-03")] // 2020 has 53 ISO weeks
    public void Rule11_a_configured_four_digit_year_and_iso_week(string serial, string first, string last)
    {
        var format = new SerialDateFormat { YearIndex = 0, YearLength = 4, PeriodIndex = 5, PeriodLength = 2, PeriodKind = SerialPeriodKind.IsoWeek };
        Assert.Equal((D(first), D(last)), new ProductionDateReader(format).Read(serial, null, Today) is { } p ? (p.FirstDay, p.LastDay) : default);
    }

    [Theory]
    [InlineData("2021W53X")] // 2021 has 52 ISO weeks
    [InlineData("2024W00X")]
    [InlineData("20X4W01X")]
    public void Rule11_a_week_that_does_not_exist_gives_no_date(string serial)
    {
        var format = new SerialDateFormat { YearIndex = 0, YearLength = 4, PeriodIndex = 5, PeriodLength = 2, PeriodKind = SerialPeriodKind.IsoWeek };
        Assert.Null(new ProductionDateReader(format).Read(serial, null, Today));
    }

    [Fact]
    public void Rule11_a_bad_format_fails_at_start()
    {
        Assert.Throws<InvalidOperationException>(() => new ProductionDateReader(new SerialDateFormat { YearLength = 3 }));
    }
}
