using TclHotline.Intake.Domain;
using TclHotline.Intake.Domain.Warranty;
using static TclHotline.Intake.Tests.Support.Clock;

namespace TclHotline.Intake.Tests.Domain;

public class SuspiciousInvoiceTests
{
    [Theory]
    [InlineData("2024-06-14", true)]  // before production
    [InlineData("2024-06-15", false)] // the production day
    [InlineData("2026-06-15", false)] // exactly two years after
    [InlineData("2026-06-16", true)]  // more than two years after
    public void Rule12_an_invoice_before_production_or_over_two_years_after_is_flagged(string invoice, bool flagged)
    {
        var request = Decide.Unit(invoice) with { LabelProductionDate = D("2024-06-15") };
        var decision = Decide.On("2026-08-01", request);
        Assert.Equal(flagged, decision.InvoiceNeedsVerification);
        Assert.Equal(flagged, decision.RulesApplied.Contains(DomainRule.SuspiciousInvoice));
        // The decision still runs from the invoice date: the branch's verification settles it.
        Assert.Equal(D(invoice), decision.StartDate);
    }

    [Theory]
    [InlineData("2024-05-31", true)]
    [InlineData("2024-06-01", false)] // inside the serial's month: could be genuine
    [InlineData("2026-06-30", false)] // two years after the month's last day
    [InlineData("2026-07-01", true)]
    public void Rule12_against_a_serial_month_only_dates_outside_the_whole_month_are_flagged(string invoice, bool flagged)
    {
        var request = Decide.Unit(invoice) with { SerialNumber = "55P71C2406A00123" };
        Assert.Equal(flagged, Decide.On("2026-08-01", request).InvoiceNeedsVerification);
    }

    [Fact]
    public void Rule12_without_a_production_date_the_check_names_the_missing_proof()
    {
        var decision = Decide.On("2025-03-01", Decide.Unit("2025-01-01") with { SerialNumber = "UNREADABLE" });
        Assert.False(decision.InvoiceNeedsVerification);
        Assert.Equal([Proof.ProductionDate], decision.MissingProofs);
        Assert.Equal(WarrantyCoverage.WholeUnit, decision.Coverage);
    }

    [Fact]
    public void Rule12_the_limit_comes_from_options()
    {
        var request = Decide.Unit("2025-06-16") with { LabelProductionDate = D("2024-06-15") };
        Assert.True(Decide.On("2025-08-01", request, new WarrantyOptions { SuspiciousInvoiceMonths = 12 }).InvoiceNeedsVerification);
    }
}
