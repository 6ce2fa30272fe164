using TclHotline.Intake.Domain;
using TclHotline.Intake.Domain.Warranty;
using static TclHotline.Intake.Tests.Support.Clock;

namespace TclHotline.Intake.Tests.Domain;

public class WarrantyStartTests
{
    [Theory]
    [InlineData("2025-01-01", "2025-01-01", WarrantyStartBasis.Installation)] // installed the day of purchase
    [InlineData("2025-01-31", "2025-01-31", WarrantyStartBasis.Installation)] // day 30: in time
    [InlineData("2025-02-01", "2025-01-01", WarrantyStartBasis.Invoice)]      // day 31: the customer delayed
    public void Rule10_hotline_installation_within_30_days_starts_the_period(string installed, string start, WarrantyStartBasis basis)
    {
        var request = Decide.Unit("2025-01-01") with { HotlineInstallationDate = D(installed) };
        var decision = Decide.On("2025-03-01", request);
        Assert.Equal((D(start), basis), (decision.StartDate, decision.StartBasis));
        Assert.Equal(LegalDate(start, 12), decision.WholeUnitEnd);
        Assert.Contains(DomainRule.StartAtTimelyInstallation, decision.RulesApplied);
        Assert.Equal(basis == WarrantyStartBasis.Invoice, decision.RulesApplied.Contains(DomainRule.StartAtInvoiceAndRepairDaysExtend));
    }

    [Theory]
    [InlineData("2026-01-31", true)]  // last day of a period started by a timely installation
    [InlineData("2026-02-01", false)]
    public void Rule10_the_last_day_of_an_installation_started_period(string today, bool inWarranty)
    {
        var request = Decide.Unit("2025-01-01") with { HotlineInstallationDate = D("2025-01-31") };
        Assert.Equal(inWarranty, Decide.On(today, request).InWarranty);
    }

    [Fact]
    public void Rule10_the_window_comes_from_options()
    {
        var request = Decide.Unit("2025-01-01") with { HotlineInstallationDate = D("2025-01-31") };
        var decision = Decide.On("2025-03-01", request, new WarrantyOptions { InstallationWindowDays = 29 });
        Assert.Equal(WarrantyStartBasis.Invoice, decision.StartBasis);
    }

    [Fact]
    public void Rule11_without_an_invoice_the_period_starts_60_days_after_the_label_production_date()
    {
        var request = Decide.Unit(invoice: null) with { LabelProductionDate = D("2024-11-10") };
        var decision = Decide.On("2025-03-01", request);
        Assert.Equal((D("2025-01-09"), WarrantyStartBasis.ProductionDate), (decision.StartDate, decision.StartBasis));
        Assert.Equal([Proof.Invoice], decision.MissingProofs);
        Assert.Contains(DomainRule.StartFromProductionDate, decision.RulesApplied);
        Assert.DoesNotContain(DomainRule.StartAtInvoiceAndRepairDaysExtend, decision.RulesApplied);
    }

    [Theory]
    [InlineData("2026-01-09", true)]  // last day: 12 months from 2025-01-09
    [InlineData("2026-01-10", false)]
    public void Rule11_the_last_day_of_a_period_started_from_production(string today, bool inWarranty)
    {
        var request = Decide.Unit(invoice: null) with { LabelProductionDate = D("2024-11-10") };
        Assert.Equal(inWarranty, Decide.On(today, request).InWarranty);
    }

    [Fact]
    public void Rule11_a_serial_month_counts_from_its_last_day()
    {
        // Default format: year at index 6, month at index 8: "2411" is November 2024.
        var request = Decide.Unit(invoice: null) with { SerialNumber = "55P71C2411A00123" };
        var decision = Decide.On("2025-03-01", request);
        Assert.Equal(new ProductionPeriod(D("2024-11-01"), D("2024-11-30"), ProductionDateSource.SerialNumber), decision.Production);
        Assert.Equal(D("2025-01-29"), decision.StartDate);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("ABC")]              // too short to hold a date
    [InlineData("55P71C2413A00123")] // month 13
    [InlineData("55P71C2604A00123")] // April 2026, after today
    public void Rule11_without_invoice_or_production_date_the_decision_names_the_missing_proofs(string? serial)
    {
        var decision = Decide.On("2025-03-01", Decide.Unit(invoice: null) with { SerialNumber = serial });
        Assert.Equal(WarrantyCoverage.Undetermined, decision.Coverage);
        Assert.False(decision.InWarranty);
        Assert.Equal([Proof.Invoice, Proof.ProductionDate], decision.MissingProofs);
        Assert.Null(decision.StartDate);
        Assert.Null(decision.WholeUnitEnd);
    }

    [Fact]
    public void Rule11_the_label_date_wins_over_the_serial()
    {
        var request = Decide.Unit(invoice: null) with { SerialNumber = "55P71C2411A00123", LabelProductionDate = D("2024-11-10") };
        Assert.Equal(ProductionDateSource.Label, Decide.On("2025-03-01", request).Production!.Source);
    }

    [Fact]
    public void Rule11_the_offset_comes_from_options()
    {
        var request = Decide.Unit(invoice: null) with { LabelProductionDate = D("2024-11-10") };
        Assert.Equal(D("2024-12-10"), Decide.On("2025-03-01", request, new WarrantyOptions { NoInvoiceStartDays = 30 }).StartDate);
    }

    private static DateOnly LegalDate(string start, int months) => LegalPeriod.LastDayOfMonths(D(start), months);
}
