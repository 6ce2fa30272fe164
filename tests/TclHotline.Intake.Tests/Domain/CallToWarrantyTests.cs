using TclHotline.Intake.Domain;
using TclHotline.Intake.Domain.Calls;
using TclHotline.Intake.Domain.Warranty;
using TclHotline.Intake.Tests.Support;
using static TclHotline.Intake.Tests.Support.Clock;

namespace TclHotline.Intake.Tests.Domain;

public class CallToWarrantyTests
{
    private static WarrantyDecision DecideFor(RegisterCallInput input)
    {
        var registration = Call.Validator.Validate(input).Registration!;
        return new WarrantyEngine(new WarrantyOptions(), At(Call.Today)).Decide(registration.ToWarrantyRequest([], []));
    }

    [Theory]
    [InlineData(true, WarrantyStartBasis.Installation, "2025-02-09")] // day 30 after the invoice of 2025-01-10
    [InlineData(false, WarrantyStartBasis.Invoice, "2025-01-10")]     // installed, but not by the hotline
    public void Rule10_only_an_installation_through_the_hotline_moves_the_start(bool throughHotline, WarrantyStartBasis basis, string start)
    {
        var decision = DecideFor(Call.Repair with { InstallationDate = "2025-02-09", InstalledThroughHotline = throughHotline });
        Assert.Equal((basis, D(start)), (decision.StartBasis, decision.StartDate));
    }

    [Theory]
    [InlineData(OrderType.Repair, true)]
    [InlineData(OrderType.PreSaleRepair, false)] // dealer stock: no customer's fault report
    public void Rule08_only_a_repair_of_a_customers_unit_counts_as_a_fault_report(OrderType type, bool counted)
    {
        var decision = DecideFor(Call.Repair with { OrderType = type });
        Assert.Equal(counted ? 1 : 0, decision.FaultReportsInPeriod);
    }

    [Fact]
    public void Rule11_the_label_date_read_by_the_agent_reaches_the_engine()
    {
        var decision = DecideFor(Call.Repair with { InvoiceNumber = null, InvoiceDate = null, ProductionDate = "2024-11-10" });
        Assert.Equal((WarrantyStartBasis.ProductionDate, D("2025-01-09")), (decision.StartBasis, decision.StartDate));
    }
}
