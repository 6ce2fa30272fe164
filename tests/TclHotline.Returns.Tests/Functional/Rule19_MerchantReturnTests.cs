using Grpc.Core;
using TclHotline.Grpc.Returns.V1;
using TclHotline.Messages.Intake;
using TclHotline.Returns.Tests.Support;
using static TclHotline.Returns.Tests.Functional.Refusals;

namespace TclHotline.Returns.Tests.Functional;

/// <summary>
/// Rule 19: merchant returns (商返机) are commercial or service by their reason; a service-class return names
/// orders that the bus said were slow by rule 9; the rate per branch, dealer and month is split by class.
/// </summary>
public sealed class Rule19_MerchantReturnTests(ReturnsHost returns) : IClassFixture<ReturnsHost>
{
    private static RegisterMerchantReturnRequest Return(string serial, ReturnReason reason, string dealer = ReturnsHost.Gome, params string[] orders)
    {
        var request = new RegisterMerchantReturnRequest { DealerCode = dealer, SerialNumber = serial, Reason = reason };
        request.ServiceOrderNumbers.AddRange(orders);
        return request;
    }

    /// <summary>An order of the unit the bus reported: opened <paramref name="daysAgo"/> days ago, completed with these days if given.</summary>
    private async Task<string> OrderAsync(string serial, int daysAgo, int? daysInRepair = null, int daysWaitingForParts = 0)
    {
        var id = Guid.NewGuid();
        var opened = OrderEvents.Opened(id, serial, returns.Clock.GetUtcNow().AddDays(-daysAgo));
        await returns.PublishAndWaitAsync(opened, "ServiceOrderOpenedConsumer");
        if (daysInRepair is { } days)
            await returns.PublishAndWaitAsync(OrderEvents.Completed(id, serial, returns.Clock.GetUtcNow().AddDays(-1), days, daysWaitingForParts),
                "VisitCompletedConsumer");
        return opened.OrderNumber;
    }

    [Theory]
    [InlineData(ReturnReason.UnsoldStock)]
    [InlineData(ReturnReason.PromotionSample)]
    [InlineData(ReturnReason.ShopExchange)]
    [InlineData(ReturnReason.ShopSample)]
    public async Task Rule19_the_first_four_reasons_are_commercial_and_the_unit_leaves_the_dealers_stock(ReturnReason reason)
    {
        var serial = await returns.DeliverAsync(ReturnsHost.Gome, returns.Today.AddDays(-70));

        var registered = await returns.Staff().RegisterMerchantReturnAsync(Return(serial, reason));

        Assert.Equal(ReturnClass.Commercial, registered.Class);
        Assert.Equal("55C8K", registered.ProductModel);
        Assert.Empty(registered.SlowOrders);
        Assert.Equal(StockStatus.Returned, (await returns.Staff().GetDealerUnitAsync(new GetDealerUnitRequest { SerialNumber = serial })).Status);
    }

    [Fact]
    public async Task Rule19_a_return_for_a_slow_repair_is_service_class_and_names_the_orders_slow_by_rule_9()
    {
        var serial = ReturnsHost.NewSerial();
        var repairer = await OrderAsync(serial, daysAgo: 45, daysInRepair: 31);
        var parts = await OrderAsync(serial, daysAgo: 120, daysInRepair: 5, daysWaitingForParts: 91);
        var stillOpen = await OrderAsync(serial, daysAgo: 31);

        var registered = await returns.Dealer(ReturnsHost.Gome).RegisterMerchantReturnAsync(
            Return(serial, ReturnReason.RepairedTooSlowly, ReturnsHost.Gome, repairer, parts, stillOpen));

        Assert.Equal(ReturnClass.Service, registered.Class);
        var slow = registered.SlowOrders.ToDictionary(o => o.OrderNumber);
        Assert.Equal(("REPAIRER_DELAY", 31, 30), (slow[repairer].SlowBy, slow[repairer].Days, slow[repairer].ThresholdDays));
        Assert.Equal(("PARTS_WAIT", 91, 90), (slow[parts].SlowBy, slow[parts].Days, slow[parts].ThresholdDays));
        Assert.Equal(("REPAIRER_DELAY", 31), (slow[stillOpen].SlowBy, slow[stillOpen].Days));
        var published = Assert.Single(await returns.PublishedAsync<TclHotline.Messages.Returns.MerchantReturnRegistered>(),
            m => m.ReturnId.ToString("D") == registered.ReturnId);
        Assert.Equal("Service", published.ReturnClass);
        Assert.Equal(3, published.SlowOrderIds.Count);
    }

    [Fact]
    public async Task Rule19_intakes_own_rule_9_decision_makes_an_order_slow()
    {
        var serial = ReturnsHost.NewSerial();
        var id = Guid.NewGuid();
        var opened = OrderEvents.Opened(id, serial, returns.Clock.GetUtcNow().AddDays(-20));
        await returns.PublishAndWaitAsync(opened, "ServiceOrderOpenedConsumer");
        await returns.PublishAndWaitAsync(OrderEvents.Completed(id, serial, returns.Clock.GetUtcNow(), 10, 0), "VisitCompletedConsumer");
        await returns.PublishAndWaitAsync(new ExchangeEligibilityDecided(id, opened.OrderNumber, ReturnsHost.Changsha, serial, 9, "slow",
            returns.Clock.GetUtcNow()), "ExchangeEligibilityDecidedConsumer");

        var registered = await returns.Staff().RegisterMerchantReturnAsync(Return(serial, ReturnReason.RepairedTooSlowly, ReturnsHost.Gome, opened.OrderNumber));

        Assert.Equal("DECIDED_BY_INTAKE", Assert.Single(registered.SlowOrders).SlowBy);
    }

    [Fact]
    public async Task Rule19_a_service_class_return_without_a_slow_order_is_refused_naming_the_field_and_nothing_is_stored()
    {
        var serial = ReturnsHost.NewSerial();
        var quick = await OrderAsync(serial, daysAgo: 40, daysInRepair: 30, daysWaitingForParts: 90);
        var young = await OrderAsync(serial, daysAgo: 30);
        var otherUnit = await OrderAsync(ReturnsHost.NewSerial(), daysAgo: 60, daysInRepair: 40);
        var staff = returns.Staff();

        await InvalidFieldAsync("service_order_numbers", () => staff.RegisterMerchantReturnAsync(Return(serial, ReturnReason.RepairedTooSlowly)).ResponseAsync);
        await InvalidFieldAsync("service_order_numbers[0]", () => staff.RegisterMerchantReturnAsync(
            Return(serial, ReturnReason.RepairedTooSlowly, ReturnsHost.Gome, quick)).ResponseAsync);
        await InvalidFieldAsync("service_order_numbers[0]", () => staff.RegisterMerchantReturnAsync(
            Return(serial, ReturnReason.RepairedTooSlowly, ReturnsHost.Gome, young)).ResponseAsync);
        await InvalidFieldAsync("service_order_numbers[0]", () => staff.RegisterMerchantReturnAsync(
            Return(serial, ReturnReason.RepairedTooSlowly, ReturnsHost.Gome, "WO-NO-SUCH")).ResponseAsync);
        await InvalidFieldAsync("service_order_numbers[0]", () => staff.RegisterMerchantReturnAsync(
            Return(serial, ReturnReason.RepairedTooSlowly, ReturnsHost.Gome, otherUnit)).ResponseAsync);
        await InvalidFieldAsync("service_order_numbers", () => staff.RegisterMerchantReturnAsync(
            Return(serial, ReturnReason.ShopSample, ReturnsHost.Gome, quick)).ResponseAsync);

        Assert.Equal(0, await returns.CountAsync("merchant_returns", "serial_number = @Serial", new { Serial = serial }));
    }

    [Fact]
    public async Task Rule19_an_unknown_reason_or_another_dealers_unit_is_refused_and_nothing_is_stored()
    {
        var serial = await returns.DeliverAsync(ReturnsHost.Suning, returns.Today.AddDays(-5));

        await InvalidFieldAsync("reason", () => returns.Staff().RegisterMerchantReturnAsync(Return(serial, (ReturnReason)42, ReturnsHost.Suning)).ResponseAsync);
        await InvalidFieldAsync("reason", () => returns.Staff().RegisterMerchantReturnAsync(Return(serial, ReturnReason.Unspecified, ReturnsHost.Suning)).ResponseAsync);
        await InvalidFieldAsync("serial_number", () => returns.Staff().RegisterMerchantReturnAsync(Return(serial, ReturnReason.ShopSample, ReturnsHost.Gome)).ResponseAsync);
        var denied = await RefusedAsync(StatusCode.PermissionDenied, () => returns.Dealer(ReturnsHost.Gome)
            .RegisterMerchantReturnAsync(Return(serial, ReturnReason.ShopSample, ReturnsHost.Suning)).ResponseAsync);
        Assert.Contains("dealer_code", denied.Status.Detail);

        Assert.Equal(0, await returns.CountAsync("merchant_returns", "serial_number = @Serial", new { Serial = serial }));
        Assert.Equal(StockStatus.InStock, (await returns.Staff().GetDealerUnitAsync(new GetDealerUnitRequest { SerialNumber = serial })).Status);
    }

    [Fact]
    public async Task Rule19_the_merchant_return_rate_per_branch_dealer_and_month_is_split_by_class()
    {
        // The Wuhan branch is this test's own: four deliveries this month, one commercial and one service return.
        var staff = returns.Staff(ReturnsHost.Wuhan);
        var delivered = new List<string>();
        for (var i = 0; i < 4; i++)
            delivered.Add(await returns.DeliverAsyncIn(ReturnsHost.Wuhan, ReturnsHost.WuhanDealer, returns.Today));
        await staff.RegisterMerchantReturnAsync(Return(delivered[0], ReturnReason.UnsoldStock, ReturnsHost.WuhanDealer));
        var customerUnit = ReturnsHost.NewSerial();
        var slow = await OrderAsync(customerUnit, daysAgo: 50, daysInRepair: 35);
        await staff.RegisterMerchantReturnAsync(Return(customerUnit, ReturnReason.RepairedTooSlowly, ReturnsHost.WuhanDealer, slow));

        var rates = await staff.GetMerchantReturnRatesAsync(new GetMerchantReturnRatesRequest { Month = returns.Today.ToString("yyyy-MM") });

        Assert.Equal((1, 1, 4), (rates.Branch.Commercial, rates.Branch.Service, rates.Branch.Delivered));
        Assert.Equal((25.0, 25.0), (rates.Branch.CommercialPercent, rates.Branch.ServicePercent));
        var dealer = Assert.Single(rates.ByDealer);
        Assert.Equal(ReturnsHost.WuhanDealer, dealer.DealerCode);
        Assert.Equal((1, 1, 4), (dealer.Rate.Commercial, dealer.Rate.Service, dealer.Rate.Delivered));
        var lastMonth = await staff.GetMerchantReturnRatesAsync(new GetMerchantReturnRatesRequest { Month = returns.Today.AddMonths(-1).ToString("yyyy-MM") });
        Assert.Empty(lastMonth.ByDealer);
        await RefusedAsync(StatusCode.PermissionDenied, () => returns.Dealer(ReturnsHost.WuhanDealer, ReturnsHost.Wuhan)
            .GetMerchantReturnRatesAsync(new GetMerchantReturnRatesRequest { Month = "2025-03" }).ResponseAsync);
    }
}
