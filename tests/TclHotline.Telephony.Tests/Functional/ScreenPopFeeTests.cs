using TclHotline.Grpc.Telephony.V1;
using TclHotline.Messages.Intake;
using TclHotline.ServiceDefaults.Security;
using TclHotline.Telephony.Tests.Support;
using TclHotline.Testing;

namespace TclHotline.Telephony.Tests.Functional;

/// <summary>What intake decided after the order opened reaches the agent's screen pop through the bus.</summary>
[Collection(TelephonyHostCollection.Name)]
public sealed class ScreenPopFeeTests(TelephonyHostFixture fx)
{
    [Fact]
    public async Task Rule15_the_screen_pop_shows_the_current_estimate_with_travel_and_a_late_older_one_does_not_replace_it()
    {
        var order = await fx.OrderOpenedAsync("13800138301", "Zhao Lei", "SN-F-0001", exchangeEligible: false, callId: null);
        await fx.PublishAsync(new FeeEstimated(order, "SO-F1", "SZ", 2, "ASSIGNED", true, 66m, true, false, DateTimeOffset.UtcNow));
        await Eventually.Until(async () => await fx.ScalarAsync<long>("SELECT fee_revision FROM orders WHERE order_id = @Id", new { Id = order }) == 2,
            TimeSpan.FromSeconds(15), "the estimate in the projection");
        await fx.PublishAsync(new FeeEstimated(order, "SO-F1", "SZ", 1, "REGISTERED", true, 50m, false, false, DateTimeOffset.UtcNow));
        await Task.Delay(TimeSpan.FromMilliseconds(500));

        var pop = await fx.ScreenPopAsync("call-fee-1", "13800138301", "agent-301");

        var fee = Assert.Single(pop.OpenOrders).Fee;
        Assert.Equal((2, true, "66.00", true), (fee.Revision, fee.Chargeable, fee.TotalYuan, fee.TravelIncluded));
    }

    [Fact]
    public async Task Rule17_Rule09_the_agent_sees_the_panel_exchange_offers_and_a_unit_made_exchange_eligible_at_completion()
    {
        var order = await fx.OrderOpenedAsync("13800138302", "Sun Li", "SN-F-0002", exchangeEligible: false, callId: null);
        await fx.PublishAsync(new PanelExchangeOffered(order, "SO-F2", "SZ", "SN-F-0002", ["DepreciationExchange", "TopUpExchange"], DateTimeOffset.UtcNow));
        await fx.PublishAsync(new ExchangeEligibilityDecided(order, "SO-F2", "SZ", "SN-F-0002", 9, "slow repair", DateTimeOffset.UtcNow));
        await Eventually.Until(async () => await fx.ScalarAsync<string?>("SELECT panel_exchange_offers FROM orders WHERE order_id = @Id", new { Id = order }) is not null
            && await fx.ScalarAsync<bool>("SELECT exchange_eligible FROM orders WHERE order_id = @Id", new { Id = order }),
            TimeSpan.FromSeconds(15), "the offers in the projection");

        var pop = await fx.ScreenPopAsync("call-fee-2", "13800138302", "agent-302");

        var unit = Assert.Single(pop.Units);
        Assert.Equal(["DEPRECIATION_EXCHANGE", "TOP_UP_EXCHANGE"], unit.PanelExchangeOffers);
        Assert.True(unit.ExchangeEligible);
        Assert.True(pop.ExchangeEligible);
    }
}
