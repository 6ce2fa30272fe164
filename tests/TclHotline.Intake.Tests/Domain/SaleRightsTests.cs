using TclHotline.Intake.Domain;
using TclHotline.Intake.Domain.Warranty;
using static TclHotline.Intake.Tests.Support.Clock;

namespace TclHotline.Intake.Tests.Domain;

public class SaleRightsTests
{
    private const string Sold = "2025-03-01";

    [Theory]
    [InlineData("2025-03-01")] // day of sale
    [InlineData("2025-03-02")] // day 1
    [InlineData("2025-03-08")] // day 7
    public void Rule06_performance_fault_within_7_days_gives_return_exchange_or_repair(string today)
    {
        var decision = Decide.On(today, Decide.Unit(Sold));
        Assert.Equal([Remedy.Return, Remedy.Exchange, Remedy.Repair], decision.Remedies);
        Assert.Contains(DomainRule.SevenDayRight, decision.RulesApplied);
        Assert.DoesNotContain(DomainRule.FifteenDayRight, decision.RulesApplied);
    }

    [Theory]
    [InlineData("2025-03-09")] // day 8
    [InlineData("2025-03-16")] // day 15
    public void Rule07_performance_fault_within_15_days_gives_exchange_or_repair(string today)
    {
        var decision = Decide.On(today, Decide.Unit(Sold));
        Assert.Equal([Remedy.Exchange, Remedy.Repair], decision.Remedies);
        Assert.Contains(DomainRule.FifteenDayRight, decision.RulesApplied);
        Assert.DoesNotContain(DomainRule.SevenDayRight, decision.RulesApplied);
    }

    [Fact]
    public void Rule07_from_day_16_only_repair()
    {
        var decision = Decide.On("2025-03-17", Decide.Unit(Sold));
        Assert.Equal([Remedy.Repair], decision.Remedies);
        Assert.DoesNotContain(DomainRule.SevenDayRight, decision.RulesApplied);
        Assert.DoesNotContain(DomainRule.FifteenDayRight, decision.RulesApplied);
    }

    [Theory]
    [InlineData("2025-03-08", "15:59", 6)] // 23:59 in Beijing: still day 7
    [InlineData("2025-03-08", "16:00", 7)] // 00:00 on 9 March in Beijing: day 8
    public void Rule06_days_are_counted_in_the_branchs_time_zone(string utcDate, string utcTime, int rule)
    {
        var utc = new DateTimeOffset(D(utcDate).ToDateTime(TimeOnly.Parse(utcTime, System.Globalization.CultureInfo.InvariantCulture)), TimeSpan.Zero);
        var decision = new WarrantyEngine(new WarrantyOptions(), new Microsoft.Extensions.Time.Testing.FakeTimeProvider(utc))
            .Decide(Decide.Unit(Sold));
        Assert.Contains(rule, decision.RulesApplied);
    }

    [Theory]
    [InlineData(FaultCategory.Appearance)] // not a performance fault
    public void Rule06_not_for_a_fault_that_is_not_a_performance_fault(FaultCategory fault)
    {
        var decision = Decide.On("2025-03-03", Decide.Unit(Sold, fault));
        Assert.Equal([Remedy.Repair], decision.Remedies);
        Assert.DoesNotContain(DomainRule.SevenDayRight, decision.RulesApplied);
    }

    [Fact]
    public void Rule06_needs_the_invoice_to_prove_the_sale_date()
    {
        var request = Decide.Unit(invoice: null) with { LabelProductionDate = D("2025-02-20") };
        var decision = Decide.On("2025-03-03", request);
        Assert.Equal([Remedy.Repair], decision.Remedies);
        Assert.Contains(Proof.Invoice, decision.MissingProofs);
    }

    [Fact]
    public void Rule06_the_day_counts_come_from_options()
    {
        var options = new WarrantyOptions { ReturnRightDays = 3, ExchangeRightDays = 5 };
        Assert.Contains(DomainRule.FifteenDayRight, Decide.On("2025-03-05", Decide.Unit(Sold), options).RulesApplied);
        Assert.Equal([Remedy.Repair], Decide.On("2025-03-07", Decide.Unit(Sold), options).Remedies);
    }
}
