using TclHotline.Intake.Domain;
using TclHotline.Intake.Domain.Warranty;
using static TclHotline.Intake.Tests.Support.Clock;

namespace TclHotline.Intake.Tests.Domain;

public class WarrantyPeriodTests
{
    [Theory]
    [InlineData("2025-01-15", FaultCategory.Picture, WarrantyCoverage.WholeUnit, true)]      // last day of the 12 months
    [InlineData("2025-01-16", FaultCategory.Picture, WarrantyCoverage.MainPartsOnly, false)] // the day after
    [InlineData("2025-01-16", FaultCategory.Panel, WarrantyCoverage.MainPartsOnly, true)]
    [InlineData("2025-01-16", FaultCategory.MainBoard, WarrantyCoverage.MainPartsOnly, true)]
    [InlineData("2027-01-15", FaultCategory.Panel, WarrantyCoverage.MainPartsOnly, true)]    // last day of the 36 months
    [InlineData("2027-01-16", FaultCategory.Panel, WarrantyCoverage.Expired, false)]         // the day after
    public void Rule04_whole_unit_12_months_and_main_parts_36_months(string today, FaultCategory fault,
        WarrantyCoverage coverage, bool inWarranty)
    {
        var decision = Decide.On(today, Decide.Unit("2024-01-15", fault));
        Assert.Equal((coverage, inWarranty), (decision.Coverage, decision.InWarranty));
        Assert.Equal((D("2025-01-15"), D("2027-01-15")), (decision.WholeUnitEnd, decision.MainPartsEnd));
        Assert.Contains(DomainRule.WarrantyPeriods, decision.RulesApplied);
    }

    [Theory]
    [InlineData("2024-01-31", "2025-01-31", "2027-01-31")]
    [InlineData("2024-02-29", "2025-02-28", "2027-02-28")] // no Feb 29 then: the month's last day
    public void Rule04_period_ends_on_the_same_date_or_the_months_last_day(string invoice, string wholeEnd, string mainEnd)
    {
        var decision = Decide.On("2024-03-01", Decide.Unit(invoice));
        Assert.Equal((D(wholeEnd), D(mainEnd)), (decision.WholeUnitEnd, decision.MainPartsEnd));
    }

    [Fact]
    public void Rule04_the_numbers_come_from_options()
    {
        var decision = Decide.On("2024-03-01", Decide.Unit("2024-01-15"), new WarrantyOptions { WholeUnitMonths = 24, MainPartsMonths = 60 });
        Assert.Equal((D("2026-01-15"), D("2029-01-15")), (decision.WholeUnitEnd, decision.MainPartsEnd));
    }

    [Theory]
    [InlineData("2025-01-15", true)]
    [InlineData("2025-01-16", false)] // main parts still covered, but with no fault named only the whole unit counts
    public void Rule04_without_a_fault_reported_in_warranty_means_the_whole_unit(string today, bool inWarranty)
    {
        var decision = Decide.On(today, Decide.Unit("2024-01-15", fault: null));
        Assert.Equal(inWarranty, decision.InWarranty);
    }

    [Fact]
    public void Rule05_the_period_starts_at_the_invoice_date()
    {
        var decision = Decide.On("2024-06-01", Decide.Unit("2024-01-15"));
        Assert.Equal((D("2024-01-15"), WarrantyStartBasis.Invoice), (decision.StartDate, decision.StartBasis));
        Assert.Contains(DomainRule.StartAtInvoiceAndRepairDaysExtend, decision.RulesApplied);
    }

    [Theory]
    [InlineData("2025-01-30", true)]  // 15 days added: the new last day
    [InlineData("2025-01-31", false)] // the day after
    public void Rule05_days_in_repair_and_waiting_for_parts_extend_the_end(string today, bool inWarranty)
    {
        var request = Decide.Unit("2024-01-15") with { Repairs = [new RepairRecord(D("2024-06-01"), 10, 5, false)] };
        var decision = Decide.On(today, request);
        Assert.Equal(inWarranty, decision.InWarranty);
        Assert.Equal((D("2025-01-30"), 15), (decision.WholeUnitEnd, decision.WholeUnitExtensionDays));
        Assert.Equal((D("2027-01-30"), 15), (decision.MainPartsEnd, decision.MainPartsExtensionDays));
    }

    [Theory]
    [InlineData("2025-02-01", 0, 10)]  // after the whole unit ended: only the main parts period grows
    [InlineData("2025-01-15", 10, 10)] // on the last day: both grow
    public void Rule05_only_a_repair_inside_a_period_extends_it(string repairStarted, int wholeDays, int mainDays)
    {
        var request = Decide.Unit("2024-01-15") with { Repairs = [new RepairRecord(D(repairStarted), 10, 0, true)] };
        var decision = Decide.On("2025-03-01", request);
        Assert.Equal((wholeDays, mainDays), (decision.WholeUnitExtensionDays, decision.MainPartsExtensionDays));
    }

    [Fact]
    public void Rule05_a_repair_inside_the_already_extended_period_extends_it_again()
    {
        // Base end 2025-01-15; the first repair moves it to 2025-02-04, so one starting 2025-02-01 still counts.
        var request = Decide.Unit("2024-01-15") with
        {
            Repairs = [new RepairRecord(D("2025-02-01"), 5, 0, false), new RepairRecord(D("2024-12-01"), 20, 0, false)],
        };
        var decision = Decide.On("2025-03-01", request);
        Assert.Equal((D("2025-02-09"), 25), (decision.WholeUnitEnd, decision.WholeUnitExtensionDays));
    }
}
