using TclHotline.Grpc.Intake.V1;
using TclHotline.Grpc.Returns.V1;
using TclHotline.Messages.Intake;
using TclHotline.Returns.Tests.Support;
using TclHotline.ServiceDefaults.Security;
using TclHotline.Testing;

namespace TclHotline.Returns.Tests.Functional;

/// <summary>
/// Rule 12 by dealer: the invoices intake flags suspicious are traced to the dealer the unit was delivered to;
/// a dealer with the configured number of cases or more is listed for its branch, with the cases.
/// </summary>
public sealed class Rule12_InvoiceFraudByDealerTests(ReturnsWithIntakeHost returns) : IClassFixture<ReturnsWithIntakeHost>
{
    private async Task<Guid> SuspiciousOrderAsync(string serial, string branch = ReturnsHost.Wuhan)
    {
        var id = Guid.NewGuid();
        await returns.PublishAndWaitAsync(OrderEvents.Opened(id, serial, returns.Clock.GetUtcNow(), branch), "ServiceOrderOpenedConsumer");
        await returns.PublishAndWaitAsync(new FeeEstimated(id, "WO", branch, 1, "REGISTERED", false, 0m, false, true, returns.Clock.GetUtcNow()),
            "FeeEstimatedConsumer");
        return id;
    }

    [Fact]
    public async Task Rule12_a_dealer_whose_customers_invoices_are_flagged_again_and_again_is_listed_with_the_cases()
    {
        // Wuhan is this test's branch: a dealer with two flagged invoices and one verified afterwards; Gome's one
        // flagged unit (a Changsha dealer) stays out of Wuhan's list and below the threshold of two anyway.
        var first = await returns.DeliverAsyncIn(ReturnsHost.Wuhan, ReturnsHost.WuhanDealer, returns.Today.AddDays(-300));
        var second = await returns.DeliverAsyncIn(ReturnsHost.Wuhan, ReturnsHost.WuhanDealer, returns.Today.AddDays(-200));
        var honest = await returns.DeliverAsyncIn(ReturnsHost.Wuhan, ReturnsHost.WuhanDealer, returns.Today.AddDays(-200));
        var elsewhere = await returns.DeliverAsync(ReturnsHost.Gome, returns.Today.AddDays(-200));
        var firstOrder = await SuspiciousOrderAsync(first);
        await SuspiciousOrderAsync(second);
        await SuspiciousOrderAsync(elsewhere, ReturnsHost.Changsha);
        await returns.PublishAndWaitAsync(OrderEvents.Opened(Guid.NewGuid(), honest, returns.Clock.GetUtcNow(), ReturnsHost.Wuhan), "ServiceOrderOpenedConsumer");
        await returns.PublishAndWaitAsync(new FeeEstimated(firstOrder, "WO", ReturnsHost.Wuhan, 2, "INVOICE_VERIFIED", true, 180m, false, false,
            returns.Clock.GetUtcNow()), "FeeEstimatedConsumer");

        var list = await returns.Director(ReturnsHost.Wuhan).ListInvoiceFraudDealersAsync(new ListInvoiceFraudDealersRequest());
        var changsha = await returns.Director(ReturnsHost.Changsha).ListInvoiceFraudDealersAsync(new ListInvoiceFraudDealersRequest());

        Assert.Equal(2, list.MinCases);
        var dealer = Assert.Single(list.Dealers);
        Assert.Equal((ReturnsHost.WuhanDealer, 2), (dealer.DealerCode, dealer.Cases));
        Assert.Equal([first, second], dealer.Suspicious.Select(c => c.SerialNumber).Order());
        var verified = dealer.Suspicious.Single(c => c.SerialNumber == first);
        Assert.Equal(("VERIFIED", true), (verified.State, verified.ChargeableAfterVerification));
        Assert.Equal("PENDING", dealer.Suspicious.Single(c => c.SerialNumber == second).State);
        Assert.DoesNotContain(changsha.Dealers, d => d.DealerCode == ReturnsHost.Gome);
    }

    [Fact]
    public async Task Rule12_a_flag_that_arrives_before_its_order_is_kept()
    {
        // The order's events come on different queues: the estimate may be handled before the opening.
        var serials = new[]
        {
            await returns.DeliverAsync(ReturnsHost.Suning, returns.Today.AddDays(-400)),
            await returns.DeliverAsync(ReturnsHost.Suning, returns.Today.AddDays(-400)),
        };
        foreach (var serial in serials)
        {
            var id = Guid.NewGuid();
            await returns.PublishAndWaitAsync(new FeeEstimated(id, "WO", ReturnsHost.Changsha, 1, "REGISTERED", false, 0m, false, true,
                returns.Clock.GetUtcNow()), "FeeEstimatedConsumer");
            await returns.PublishAndWaitAsync(OrderEvents.Opened(id, serial, returns.Clock.GetUtcNow()), "ServiceOrderOpenedConsumer");
        }

        var list = await returns.Director().ListInvoiceFraudDealersAsync(new ListInvoiceFraudDealersRequest());

        var dealer = Assert.Single(list.Dealers, d => d.DealerCode == ReturnsHost.Suning);
        Assert.Superset(serials.ToHashSet(), dealer.Suspicious.Select(c => c.SerialNumber).ToHashSet());
    }

    [Fact]
    public async Task Rule12_intakes_flag_on_a_back_dated_invoice_reaches_the_dealer_list_over_the_bus()
    {
        // Produced March 2022 (the serial says so), invoiced more than two years later: intake flags it.
        var intake = new IntakeService.IntakeServiceClient(returns.Host.ChannelAs(HotlineRoles.Agent, ReturnsHost.Changsha));
        var serials = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            var serial = "55P71C2203" + ReturnsHost.NewSerial();
            serials.Add(await returns.DeliverAsync(ReturnsHost.Suning, new DateOnly(2022, 4, 1), serial));
            var reply = await intake.RegisterCallAsync(IntakeCalls.Repair(serial, "2025-03-01", FaultCategory.Picture));
            Assert.Equal(InvoiceVerificationState.Pending, reply.Order.InvoiceVerification.State);
        }

        var list = await Eventually.Until(
            () => returns.Director().ListInvoiceFraudDealersAsync(new ListInvoiceFraudDealersRequest()).ResponseAsync,
            l => l.Dealers.Any(d => d.DealerCode == ReturnsHost.Suning && serials.All(s => d.Suspicious.Any(c => c.SerialNumber == s))),
            what: "the flagged invoices to reach the dealer list");

        var dealer = list.Dealers.Single(d => d.DealerCode == ReturnsHost.Suning);
        Assert.Superset(serials.ToHashSet(), dealer.Suspicious.Select(c => c.SerialNumber).ToHashSet());
    }
}
