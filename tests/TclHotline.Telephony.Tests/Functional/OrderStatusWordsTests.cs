using TclHotline.Messages.Dispatch;
using TclHotline.Messages.Returns;
using TclHotline.Telephony.Tests.Support;
using TclHotline.Testing;

namespace TclHotline.Telephony.Tests.Functional;

/// <summary>The desk shows an order's status in intake's words and counts it open or finished as intake does.</summary>
[Collection(TelephonyHostCollection.Name)]
public sealed class OrderStatusWordsTests(TelephonyHostFixture fx)
{
    private Task StatusAsync(Guid order, string stored) =>
        Eventually.Until(async () => await fx.OrderStatusAsync(order) == stored, TimeSpan.FromSeconds(15), $"the order {stored} in the projection");

    [Fact]
    public async Task Rule17_an_order_awaiting_its_panel_exchange_stays_open_on_the_screen_pop_until_the_exchange_is_settled()
    {
        const string phone = "13800138401";
        var order = await fx.OrderOpenedAsync(phone, "Qian Yu", "SN-W-0001", exchangeEligible: false, callId: null);
        var due = DateTimeOffset.UtcNow.AddHours(20);
        await fx.EngineerAssignedAsync(order, due);
        Assert.Equal("ORDER_STATUS_ASSIGNED", Assert.Single((await fx.ScreenPopAsync("call-words-1", phone, "agent-401")).OpenOrders).Status);

        await fx.PublishAsync(new EngineerArrived(order, Guid.NewGuid(), "ENG-1", "SZ", DateTimeOffset.UtcNow, due, OnTime: true));
        await StatusAsync(order, "EngineerArrived");
        await fx.PublishAsync(new VisitCompleted(order, Guid.NewGuid(), "ENG-1", "SZ", "SN-W-0001", DateTimeOffset.UtcNow,
            Repaired: false, CustomerDeclined: false, "Panel cracked", [], [], 0m, 0, 0, PanelUnrepairable: true, PanelNoLongerSupplied: true));
        await StatusAsync(order, "AwaitingExchange");

        var awaiting = Assert.Single((await fx.ScreenPopAsync("call-words-2", phone, "agent-402")).OpenOrders);
        Assert.Equal((order.ToString(), "ORDER_STATUS_AWAITING_EXCHANGE"), (awaiting.OrderId, awaiting.Status));

        await fx.PublishAsync(new PanelExchangeCompleted(order, "SO-W1", "SZ", "SN-W-0001", "DepreciationExchange", DateTimeOffset.UtcNow));
        await StatusAsync(order, "Completed");
        Assert.Empty((await fx.ScreenPopAsync("call-words-3", phone, "agent-403")).OpenOrders);
    }

    [Fact]
    public async Task A_completed_visit_finishes_the_order_as_intake_does_whether_or_not_it_was_repaired()
    {
        const string phone = "13800138402";
        var order = await fx.OrderOpenedAsync(phone, "Zhou Min", "SN-W-0002", exchangeEligible: false, callId: null);
        Assert.Equal("ORDER_STATUS_OPEN", Assert.Single((await fx.ScreenPopAsync("call-words-4", phone, "agent-404")).OpenOrders).Status);

        await fx.PublishAsync(new VisitCompleted(order, Guid.NewGuid(), "ENG-1", "SZ", "SN-W-0002", DateTimeOffset.UtcNow,
            Repaired: false, CustomerDeclined: false, "Waiting for a board", [], [], 0m, 0, 0));
        await StatusAsync(order, "Completed");

        Assert.Empty((await fx.ScreenPopAsync("call-words-5", phone, "agent-405")).OpenOrders);
    }
}
