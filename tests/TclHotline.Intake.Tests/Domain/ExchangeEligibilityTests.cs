using TclHotline.Intake.Domain;
using TclHotline.Intake.Domain.Warranty;
using static TclHotline.Intake.Tests.Support.Clock;

namespace TclHotline.Intake.Tests.Domain;

public class ExchangeEligibilityTests
{
    private const string Sold = "2025-01-10"; // whole unit to 2026-01-10, main parts to 2028-01-10

    private static FaultReport Report(string on, FaultCategory category = FaultCategory.Picture) => new(D(on), category);

    [Theory]
    [InlineData(0, 1, false)]
    [InlineData(1, 2, false)]
    [InlineData(2, 3, true)] // the third fault report in the period
    [InlineData(3, 4, true)]
    public void Rule08_third_fault_report_in_the_period_makes_the_unit_eligible_for_exchange(int prior, int counted, bool eligible)
    {
        var reports = Enumerable.Range(0, prior).Select(i => Report($"2025-0{i + 2}-01")).ToList();
        var decision = Decide.On("2025-06-01", Decide.Unit(Sold) with { PriorFaultReports = reports });
        Assert.Equal((counted, eligible), (decision.FaultReportsInPeriod, decision.ExchangeEligible));
        Assert.Equal(eligible, decision.Remedies.Contains(Remedy.Exchange));
        Assert.Equal(eligible, decision.RulesApplied.Contains(DomainRule.ExchangeAfterRepeatedFaults));
    }

    [Theory]
    [InlineData(FaultCategory.Sound, 2, false)] // a sound fault after the whole unit ended is outside the period
    [InlineData(FaultCategory.Panel, 3, true)]  // a panel fault is inside the main parts period
    public void Rule08_only_reports_inside_the_period_that_covers_them_count(FaultCategory laterFault, int counted, bool eligible)
    {
        var request = Decide.Unit(Sold, FaultCategory.Panel) with
        {
            PriorFaultReports = [Report("2025-05-01"), Report("2026-03-01", laterFault)],
        };
        var decision = Decide.On("2026-06-01", request);
        Assert.Equal((counted, eligible), (decision.FaultReportsInPeriod, decision.ExchangeEligible));
    }

    [Fact]
    public void Rule08_a_lookup_without_a_new_report_shows_eligibility_from_the_history()
    {
        var request = Decide.Unit(Sold, fault: null) with
        {
            PriorFaultReports = [Report("2025-02-01"), Report("2025-03-01"), Report("2025-04-01")],
        };
        Assert.True(Decide.On("2025-06-01", request).ExchangeEligible);
    }

    [Theory]
    [InlineData(30, 0, false)]
    [InlineData(31, 0, true)]  // more than 30 days for the repairer's own reasons
    [InlineData(0, 90, false)]
    [InlineData(0, 91, true)]  // more than 90 days waiting for parts
    public void Rule09_a_slow_repair_gives_the_right_to_exchange(int daysInRepair, int daysWaitingForParts, bool eligible)
    {
        var request = Decide.Unit(Sold, fault: null) with
        {
            Repairs = [new RepairRecord(D("2025-03-01"), daysInRepair, daysWaitingForParts, false)],
        };
        var decision = Decide.On("2025-09-01", request);
        Assert.Equal(eligible, decision.ExchangeEligible);
        Assert.Equal(eligible, decision.RulesApplied.Contains(DomainRule.ExchangeAfterSlowRepair));
    }

    [Theory]
    [InlineData(false, false)] // after the whole unit ended, a repair of another part is outside the period
    [InlineData(true, true)]   // a main-part repair is inside the main parts period
    public void Rule09_only_for_a_repair_inside_the_period_that_covers_it(bool mainPart, bool eligible)
    {
        var request = Decide.Unit(Sold, fault: null) with { Repairs = [new RepairRecord(D("2026-02-01"), 31, 0, mainPart)] };
        Assert.Equal(eligible, Decide.On("2026-05-01", request).ExchangeEligible);
    }

    [Fact]
    public void Rule09_the_limits_come_from_options()
    {
        var request = Decide.Unit(Sold, fault: null) with { Repairs = [new RepairRecord(D("2025-03-01"), 16, 0, false)] };
        Assert.False(Decide.On("2025-09-01", request).ExchangeEligible);
        Assert.True(Decide.On("2025-09-01", request, new WarrantyOptions { RepairerDelayDays = 15 }).ExchangeEligible);
    }
}
