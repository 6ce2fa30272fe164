using TclHotline.Returns.Domain;

namespace TclHotline.Returns.Tests.Domain;

/// <summary>The rules' arithmetic, table-style: rule 17's depreciation, rule 23's aging, rule 9's slow repair.</summary>
public sealed class DepreciationAndAgingTests
{
    private static readonly Depreciation Table = new(new DepreciationOptions());

    [Theory]
    [InlineData("2024-03-12", "2025-03-12", 12, 80)]
    [InlineData("2024-03-12", "2025-03-11", 11, 80)]
    [InlineData("2024-03-12", "2025-04-12", 13, 60)]
    [InlineData("2024-01-31", "2024-02-29", 1, 80)]
    [InlineData("2020-01-01", "2025-03-12", 62, 10)]
    public void Rule17_the_value_kept_follows_the_whole_months_since_purchase(string purchased, string today, int months, int percent)
    {
        var value = Table.Value(1000m, DateOnly.Parse(purchased), DateOnly.Parse(today), 1500m);

        Assert.Equal(months, value.AgeMonths);
        Assert.Equal(percent, value.ValuePercent);
        Assert.Equal(10m * percent, value.DepreciatedValue);
        Assert.Equal(1500m - 10m * percent, value.TopUp);
    }

    [Fact]
    public void Rule17_the_table_comes_from_configuration_when_given()
    {
        var custom = new Depreciation(new DepreciationOptions { Table = [new() { UpToMonths = 6, ValuePercent = 90m }], FloorPercent = 5m });

        Assert.Equal(90m, custom.Value(100m, new DateOnly(2025, 1, 1), new DateOnly(2025, 7, 1), null).ValuePercent);
        Assert.Equal(5m, custom.Value(100m, new DateOnly(2025, 1, 1), new DateOnly(2025, 8, 1), null).ValuePercent);
    }

    [Theory]
    [InlineData("2025-01-12", "2025-03-12", false)]
    [InlineData("2025-01-12", "2025-03-13", true)]
    [InlineData("2024-12-31", "2025-02-28", false)]
    [InlineData("2024-12-31", "2025-03-01", true)]
    public void Rule23_a_unit_is_aging_the_day_after_its_months_in_stock_end(string delivered, string today, bool aging)
    {
        var rule = new StockAging(new StockOptions { AgingMonths = 2 });

        Assert.Equal(aging, rule.IsAging(DateOnly.Parse(delivered), DateOnly.Parse(today)));
        var latest = rule.LatestAgingDelivery(DateOnly.Parse(today));
        Assert.True(rule.IsAging(latest, DateOnly.Parse(today)));
        Assert.False(rule.IsAging(latest.AddDays(1), DateOnly.Parse(today)));
    }

    [Theory]
    [InlineData(30, 90, null)]
    [InlineData(31, 0, "REPAIRER_DELAY")]
    [InlineData(0, 91, "PARTS_WAIT")]
    public void Rule09_a_completed_repair_is_slow_past_either_allowance(int daysInRepair, int daysWaiting, string? slowBy)
    {
        var rule = new SlowRepair(new SlowRepairOptions(), TimeZoneInfo.Utc);
        var now = new DateTimeOffset(2025, 3, 12, 2, 0, 0, TimeSpan.Zero);
        var order = new OrderFacts(Guid.NewGuid(), "WO1", "CS", "SN", now.AddDays(-100), now.AddDays(-1), daysInRepair, daysWaiting, null);

        Assert.Equal(slowBy, rule.Judge(order, now)?.SlowBy);
    }
}
