using Grpc.Core;
using TclHotline.Grpc.Intake.V1;
using TclHotline.Grpc.Returns.V1;
using TclHotline.Messages.Dispatch;
using TclHotline.Messages.Intake;
using TclHotline.Messages.Returns;
using TclHotline.Returns.Tests.Support;
using TclHotline.ServiceDefaults.Security;
using TclHotline.Testing;
using static TclHotline.Returns.Tests.Functional.Refusals;
using IntakeStatus = TclHotline.Grpc.Intake.V1.OrderStatus;

namespace TclHotline.Returns.Tests.Functional;

/// <summary>
/// Rule 17 with rule 24's settlement: the offer intake publishes is recorded, the customer's choice valued by
/// the depreciation table, the settlement steps taken in order, and the last one completes intake's order.
/// </summary>
public sealed class Rule17_PanelExchangeTests(ReturnsWithIntakeHost returns) : IClassFixture<ReturnsWithIntakeHost>
{
    private IntakeService.IntakeServiceClient Intake => new(returns.Host.ChannelAs(HotlineRoles.Agent, ReturnsHost.Changsha));

    private async Task<TclHotline.Grpc.Intake.V1.ServiceOrder> RepairOrderAsync() =>
        (await Intake.RegisterCallAsync(IntakeCalls.Repair("55P71C2403" + ReturnsHost.NewSerial(), "2024-05-10"))).Order;

    private Task<TclHotline.Grpc.Intake.V1.ServiceOrder> IntakeStatusAsync(string orderNumber, IntakeStatus status) =>
        Eventually.Until(() => Intake.GetServiceOrderAsync(new GetServiceOrderRequest { OrderNumber = orderNumber }).ResponseAsync,
            o => o.Status == status, what: $"intake's order {orderNumber} to be {status}");

    private static AdvanceExchangeRequest Step(string orderId, ExchangeStep step) => new() { OrderId = orderId, Step = step };

    [Fact]
    public async Task Rule17_a_top_up_exchange_is_valued_settled_step_by_step_and_completes_intakes_order()
    {
        var order = await RepairOrderAsync();
        await returns.PublishAsync(new VisitCompleted(Guid.Parse(order.OrderId), Guid.NewGuid(), "E-7", order.BranchCode, order.SerialNumber,
            returns.Clock.GetUtcNow(), false, false, "屏内部断线", [], [], 0m, 0, 0, PanelUnrepairable: true, PanelNoLongerSupplied: true));
        await IntakeStatusAsync(order.OrderNumber, IntakeStatus.AwaitingExchange);
        var staff = returns.Staff();
        var offered = await Eventually.Until(async () =>
        {
            try { return await staff.GetPanelExchangeAsync(new GetPanelExchangeRequest { OrderId = order.OrderId }); }
            catch (RpcException e) when (e.StatusCode == StatusCode.NotFound) { return null; }
        }, x => x is not null, what: "the offer to reach the returns service");
        Assert.Equal([ExchangeChoice.Depreciation, ExchangeChoice.TopUp], offered!.Offers);
        Assert.Equal(ExchangeStep.Offered, offered.Step);

        // Bought 13 whole months ago: the table's second band keeps 60 % of 3,999.00.
        var purchased = returns.Today.AddMonths(-13);
        var chosen = await staff.ChooseExchangeAsync(new ChooseExchangeRequest
        {
            OrderId = order.OrderId, Choice = ExchangeChoice.TopUp, PurchasePrice = "3999.00", PurchasedOn = purchased.ToString("yyyy-MM-dd"),
            NewModel = "65Q10K", NewModelPrice = "4599.00",
        });
        Assert.Equal((13, "60.00", "2399.40", "2199.60"), (chosen.AgeMonths, chosen.DepreciationPercent, chosen.DepreciatedValue, chosen.TopUp));

        await staff.AdvanceExchangeAsync(Step(order.OrderId, ExchangeStep.NewUnitHandedOver));
        await staff.AdvanceExchangeAsync(Step(order.OrderId, ExchangeStep.OldUnitTakenBack));
        await staff.AdvanceExchangeAsync(Step(order.OrderId, ExchangeStep.OldUnitScrapped));
        Assert.Equal(IntakeStatus.AwaitingExchange, (await Intake.GetServiceOrderAsync(new GetServiceOrderRequest { OrderNumber = order.OrderNumber })).Status);
        var done = await staff.AdvanceExchangeAsync(Step(order.OrderId, ExchangeStep.PanelReturned));

        Assert.Equal(["Offered", "Chosen", "NewUnitHandedOver", "OldUnitTakenBack", "OldUnitScrapped", "PanelReturned"], done.Steps.Select(s => s.Step));
        await IntakeStatusAsync(order.OrderNumber, IntakeStatus.Completed);
        var completed = Assert.Single(await returns.PublishedAsync<PanelExchangeCompleted>(), m => m.OrderId.ToString("D") == order.OrderId);
        Assert.Equal("TopUpExchange", completed.Choice);
    }

    private async Task<string> OfferedAsync()
    {
        var orderId = Guid.NewGuid();
        await returns.PublishAndWaitAsync(new PanelExchangeOffered(orderId, "WO-X" + orderId.ToString("N")[..8], ReturnsHost.Changsha,
            ReturnsHost.NewSerial(), ["DepreciationExchange", "TopUpExchange"], returns.Clock.GetUtcNow()), "PanelExchangeOfferedConsumer");
        return orderId.ToString("D");
    }

    [Fact]
    public async Task Rule17_a_depreciation_exchange_keeps_the_tables_share_of_the_purchase_price_for_the_units_age()
    {
        var orderId = await OfferedAsync();

        var chosen = await returns.Staff().ChooseExchangeAsync(new ChooseExchangeRequest
        {
            OrderId = orderId, Choice = ExchangeChoice.Depreciation, PurchasePrice = "2999.00",
            PurchasedOn = returns.Today.AddMonths(-12).ToString("yyyy-MM-dd"),
        });

        Assert.Equal((12, "80.00", "2399.20", ""), (chosen.AgeMonths, chosen.DepreciationPercent, chosen.DepreciatedValue, chosen.TopUp));
        Assert.Equal(ExchangeStep.Chosen, chosen.Step);
    }

    [Fact]
    public async Task Rule17_bad_choices_and_steps_out_of_order_are_refused_naming_the_field_and_nothing_changes()
    {
        var orderId = await OfferedAsync();
        var staff = returns.Staff();
        var today = returns.Today.ToString("yyyy-MM-dd");

        await InvalidFieldAsync("new_model_price", () => staff.ChooseExchangeAsync(new ChooseExchangeRequest
        {
            OrderId = orderId, Choice = ExchangeChoice.TopUp, PurchasePrice = "2999.00", PurchasedOn = today, NewModel = "65Q10K",
        }).ResponseAsync);
        await InvalidFieldAsync("purchase_price", () => staff.ChooseExchangeAsync(new ChooseExchangeRequest
        {
            OrderId = orderId, Choice = ExchangeChoice.Depreciation, PurchasePrice = "-5", PurchasedOn = today,
        }).ResponseAsync);
        await InvalidFieldAsync("choice", () => staff.ChooseExchangeAsync(new ChooseExchangeRequest
        {
            OrderId = orderId, Choice = (ExchangeChoice)7, PurchasePrice = "2999.00", PurchasedOn = today,
        }).ResponseAsync);
        await InvalidFieldAsync("step", () => staff.AdvanceExchangeAsync(Step(orderId, ExchangeStep.NewUnitHandedOver)).ResponseAsync);
        Assert.Equal(ExchangeStep.Offered, (await staff.GetPanelExchangeAsync(new GetPanelExchangeRequest { OrderId = orderId })).Step);

        await staff.ChooseExchangeAsync(new ChooseExchangeRequest
        {
            OrderId = orderId, Choice = ExchangeChoice.Depreciation, PurchasePrice = "2999.00", PurchasedOn = today,
        });
        await InvalidFieldAsync("order_id", () => staff.ChooseExchangeAsync(new ChooseExchangeRequest
        {
            OrderId = orderId, Choice = ExchangeChoice.Depreciation, PurchasePrice = "1999.00", PurchasedOn = today,
        }).ResponseAsync);
        var skipped = await InvalidFieldAsync("step", () => staff.AdvanceExchangeAsync(Step(orderId, ExchangeStep.PanelReturned)).ResponseAsync);
        Assert.Contains("next step is NewUnitHandedOver", skipped.Status.Detail);
        await RefusedAsync(StatusCode.PermissionDenied, () => returns.Staff(ReturnsHost.Wuhan).AdvanceExchangeAsync(Step(orderId, ExchangeStep.NewUnitHandedOver)).ResponseAsync);
        await RefusedAsync(StatusCode.NotFound, () => staff.GetPanelExchangeAsync(new GetPanelExchangeRequest { OrderId = Guid.NewGuid().ToString() }).ResponseAsync);

        var now = await staff.GetPanelExchangeAsync(new GetPanelExchangeRequest { OrderId = orderId });
        Assert.Equal((ExchangeStep.Chosen, "2999.00"), (now.Step, now.PurchasePrice));
        Assert.Equal(2, now.Steps.Count);
        Assert.Empty(await returns.PublishedAsync<PanelExchangeCompleted>().ContinueWith(t => t.Result.Where(m => m.OrderId.ToString("D") == orderId)));
    }
}
