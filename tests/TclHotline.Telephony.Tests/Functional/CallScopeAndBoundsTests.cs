using Grpc.Core;
using TclHotline.Grpc.Telephony.V1;
using TclHotline.Messages.Intake;
using TclHotline.ServiceDefaults.Security;
using TclHotline.Telephony.Tests.Support;
using TclHotline.Testing;

namespace TclHotline.Telephony.Tests.Functional;

/// <summary>
/// GetCall checks the branch of calls that no order is linked to (abandoned, consultation, unlinked);
/// ListCallbacks and ListCallsForOrder hand out bounded pages, and a screen pop shows a bounded number of open orders.
/// </summary>
[Collection(TelephonyHostCollection.Name)]
public sealed class CallScopeAndBoundsTests(TelephonyHostFixture fx)
{
    [Fact]
    public async Task An_unlinked_call_shows_only_to_headquarters_and_the_agent_who_took_it()
    {
        // A consultation answered on the call: intake opens no order telephony hears of, so none is linked.
        var start = DateTimeOffset.UtcNow.AddMinutes(-5);
        await fx.Pbx.PlayOverGrpcAsync(new CallScript("call-unlinked-1", start)
            .Offered("13800138111", "consult").After(TimeSpan.FromSeconds(5)).Answered("agent-611", "8611")
            .After(TimeSpan.FromMinutes(2)).Ended(TimeSpan.FromMinutes(2), HangUpParty.Caller).Events);
        var request = new GetCallRequest { CallId = "call-unlinked-1" };

        Assert.Equal("call-unlinked-1", (await fx.ClientAs(HotlineRoles.Agent, subject: "agent-611", branch: "GZ").GetCallAsync(request)).CallId);
        Assert.Equal("call-unlinked-1", (await fx.ClientAs(HotlineRoles.ServiceDirector).GetCallAsync(request)).CallId);
        foreach (var role in new[] { HotlineRoles.Agent, HotlineRoles.Dispatcher, HotlineRoles.ComplaintHandler, HotlineRoles.ServiceDirector })
        {
            var refusal = await Assert.ThrowsAsync<RpcException>(() => fx.ClientAs(role, subject: "someone-else", branch: "SZ").GetCallAsync(request).ResponseAsync);
            Assert.Equal(StatusCode.PermissionDenied, refusal.StatusCode);
            Assert.DoesNotContain("13800138111", refusal.Status.Detail);
        }
    }

    [Fact]
    public async Task An_abandoned_call_shows_to_the_branch_of_its_callback_and_not_to_another()
    {
        await fx.OrderOpenedAsync("13800138112", "Qian Yi", "SN-SCOPE-112", exchangeEligible: false, callId: null, branch: "GZ");
        var start = DateTimeOffset.UtcNow.AddMinutes(-3);
        await fx.Pbx.PlayOverGrpcAsync(new CallScript("call-abandon-scope", start)
            .Offered("13800138112", "repair").After(TimeSpan.FromSeconds(20)).Abandoned(TimeSpan.FromSeconds(20)).Events);
        var request = new GetCallRequest { CallId = "call-abandon-scope" };

        Assert.Equal("call-abandon-scope", (await fx.ClientAs(HotlineRoles.Agent, subject: "agent-612", branch: "GZ").GetCallAsync(request)).CallId);
        var refusal = await Assert.ThrowsAsync<RpcException>(() => fx.ClientAs(HotlineRoles.Agent, subject: "agent-613", branch: "SZ").GetCallAsync(request).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, refusal.StatusCode);
    }

    [Fact]
    public async Task A_call_id_longer_than_any_stored_is_refused_by_name()
    {
        var refusal = await Assert.ThrowsAsync<RpcException>(() =>
            fx.ClientAs(HotlineRoles.Agent).GetCallAsync(new GetCallRequest { CallId = new string('c', 101) }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, refusal.StatusCode);
        Assert.Contains("call_id", refusal.Status.Detail);
    }

    [Fact]
    public async Task Callbacks_come_in_pages_no_larger_than_the_configured_maximum()
    {
        await using var host = await TestHost.StartAsync([new TelephonyModule()], settings:
        [
            new("Telephony:ConnectorSecret", TelephonyHostFixture.Secret),
            new("Telephony:CallbackPageSize", "2"),
            new("Telephony:MaxCallbackPageSize", "3"),
        ]);
        using var pbx = new FakePbx(host, TelephonyHostFixture.Secret);
        var start = DateTimeOffset.UtcNow.AddMinutes(-10);
        for (var i = 0; i < 5; i++)
            await pbx.PlayOverGrpcAsync(new CallScript($"call-page-{i}", start.AddSeconds(i))
                .Offered($"1360000010{i}", "sales").After(TimeSpan.FromSeconds(90)).Abandoned(TimeSpan.FromSeconds(90)).Events);
        var agent = new TelephonyService.TelephonyServiceClient(host.ChannelAs(HotlineRoles.Agent, "GZ"));

        var asked = await agent.ListCallbacksAsync(new ListCallbacksRequest { PageSize = 1000 });
        Assert.Equal(3, asked.Callbacks.Count);
        var rest = await agent.ListCallbacksAsync(new ListCallbacksRequest { PageSize = 1000, PageToken = asked.NextPageToken });
        Assert.Equal(2, rest.Callbacks.Count);
        Assert.Equal("", rest.NextPageToken);
        Assert.Equal(5, asked.Callbacks.Concat(rest.Callbacks).Select(c => c.CallId).Distinct().Count());

        var byDefault = await agent.ListCallbacksAsync(new ListCallbacksRequest());
        Assert.Equal(2, byDefault.Callbacks.Count);
        Assert.NotEqual("", byDefault.NextPageToken);

        var refusal = await Assert.ThrowsAsync<RpcException>(() => agent.ListCallbacksAsync(new ListCallbacksRequest { PageToken = "not-a-token" }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, refusal.StatusCode);
        Assert.Contains("page_token", refusal.Status.Detail);
    }

    [Fact]
    public async Task An_orders_calls_come_oldest_first_in_pages_no_larger_than_the_configured_maximum_and_bad_paging_is_refused_by_name()
    {
        var own = new TelephonyHostFixture([new("Telephony:CallPageSize", "2"), new("Telephony:MaxCallPageSize", "3")]);
        await own.InitializeAsync();
        try
        {
            // The call that opened the order, then four calls complaining about it.
            var orderId = await own.OrderOpenedAsync("13300000070", "Zhao Lei", "SN-PAGE-70", exchangeEligible: false, callId: "call-of-order-0");
            var start = DateTimeOffset.UtcNow.AddMinutes(-30);
            for (var i = 1; i <= 4; i++)
            {
                await own.Pbx.PlayOverGrpcAsync(new CallScript($"call-of-order-{i}", start.AddMinutes(i))
                    .Offered("13300000070", "complaints").After(TimeSpan.FromSeconds(5)).Answered("agent-870", "8870").Events);
                await own.PublishAsync(new ComplaintCallRegistered(Guid.NewGuid(), $"call-of-order-{i}", "SZ", "Zhao Lei", "13300000070", orderId,
                    null, "SN-PAGE-70", "ENG-1", "LateOrMissedVisit", "no one came", "agent-870", DateTimeOffset.UtcNow));
            }
            await Eventually.Until(async () => await own.ScalarAsync<long>("SELECT COUNT(*) FROM calls WHERE order_id = @Id", new { Id = orderId }) == 5,
                TimeSpan.FromSeconds(15), "five calls linked to the order");
            var reader = own.ClientAs(HotlineRoles.ComplaintHandler);
            var order = orderId.ToString();

            var first = await reader.ListCallsForOrderAsync(new ListCallsForOrderRequest { OrderId = order });
            Assert.Equal(2, first.Calls.Count);
            var rest = await reader.ListCallsForOrderAsync(new ListCallsForOrderRequest { OrderId = order, PageSize = 1000, PageToken = first.NextPageToken });
            Assert.Equal("", rest.NextPageToken);
            Assert.Equal(Enumerable.Range(0, 5).Select(i => $"call-of-order-{i}"), first.Calls.Concat(rest.Calls).Select(c => c.CallId));
            var most = await reader.ListCallsForOrderAsync(new ListCallsForOrderRequest { OrderId = order, PageSize = 1000 });
            Assert.Equal(3, most.Calls.Count);
            Assert.NotEqual("", most.NextPageToken);

            foreach (var (request, field) in new (ListCallsForOrderRequest, string)[]
            {
                (new() { OrderId = order, PageSize = -1 }, "page_size"),
                (new() { OrderId = order, PageToken = "not-a-token" }, "page_token"),
            })
            {
                var refusal = await Assert.ThrowsAsync<RpcException>(() => reader.ListCallsForOrderAsync(request).ResponseAsync);
                Assert.Equal(StatusCode.InvalidArgument, refusal.StatusCode);
                Assert.Contains(field, refusal.Status.Detail);
            }
        }
        finally { await own.DisposeAsync(); }
    }

    [Fact]
    public async Task A_screen_pop_shows_the_newest_open_orders_up_to_the_configured_number_and_says_there_are_more()
    {
        var own = new TelephonyHostFixture([new("Telephony:ScreenPopOpenOrders", "2")]);
        await own.InitializeAsync();
        try
        {
            var orders = new List<Guid>();
            for (var i = 0; i < 3; i++)
                orders.Add(await own.OrderOpenedAsync("13300000071", "Sun Mei", $"SN-POP-71-{i}", exchangeEligible: false, callId: null));
            var desk = own.ClientAs(HotlineRoles.Agent, subject: "agent-871");
            using var watch = desk.WatchAgentDesk(new WatchAgentDeskRequest { AgentId = "agent-871" });
            await watch.ResponseHeadersAsync;

            await own.Pbx.PlayOverGrpcAsync(new CallScript("call-pop-many", DateTimeOffset.UtcNow.AddMinutes(-1))
                .Offered("13300000071", "repair").After(TimeSpan.FromSeconds(5)).Answered("agent-871", "8871").Events);

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            Assert.True(await watch.ResponseStream.MoveNext(timeout.Token));
            var pop = watch.ResponseStream.Current;
            Assert.Equal([orders[2].ToString(), orders[1].ToString()], pop.OpenOrders.Select(o => o.OrderId));
            Assert.True(pop.MoreOpenOrders);
        }
        finally { await own.DisposeAsync(); }
    }
}
