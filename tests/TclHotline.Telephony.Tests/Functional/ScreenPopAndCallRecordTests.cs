using Grpc.Core;
using TclHotline.Grpc.Telephony.V1;
using TclHotline.ServiceDefaults.Security;
using TclHotline.Telephony.Tests.Support;
using TclHotline.Testing;

namespace TclHotline.Telephony.Tests.Functional;

[Collection(TelephonyHostCollection.Name)]
public sealed class ScreenPopAndCallRecordTests(TelephonyHostFixture fx)
{
    [Fact]
    public async Task A_call_answered_pops_the_caller_on_the_agents_desk_and_the_order_registered_during_it_lists_the_call_with_its_recording()
    {
        // The customer called before: an open order on an exchange-eligible unit, engineer assigned.
        var earlierOrder = await fx.OrderOpenedAsync("13800138001", "Wang Fang", "SN-A-0001", exchangeEligible: true, callId: "earlier-call-1");
        var commitment = DateTimeOffset.UtcNow.AddHours(20);
        await fx.EngineerAssignedAsync(earlierOrder, commitment);

        var desk = fx.ClientAs(HotlineRoles.Agent, subject: "agent-101");
        using var watch = desk.WatchAgentDesk(new WatchAgentDeskRequest { AgentId = "agent-101" });
        await watch.ResponseHeadersAsync;

        var call = new CallScript("call-pop-1", DateTimeOffset.UtcNow.AddMinutes(-4))
            .Offered("+86 138 0013 8001", "repair")
            .After(TimeSpan.FromSeconds(12)).Answered("agent-101", "8101");
        Assert.Equal(2, await fx.Pbx.PlayOverGrpcAsync(call.Events));

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        Assert.True(await watch.ResponseStream.MoveNext(timeout.Token));
        var pop = watch.ResponseStream.Current;
        Assert.Equal("call-pop-1", pop.CallId);
        Assert.Equal("Wang Fang", pop.Customer.Name);
        Assert.Equal("13800138001", pop.Customer.Phone);
        Assert.Equal("SN-A-0001", Assert.Single(pop.Units).SerialNumber);
        var open = Assert.Single(pop.OpenOrders);
        Assert.Equal(earlierOrder.ToString(), open.OrderId);
        Assert.Equal(commitment.ToUnixTimeSeconds(), open.CommitmentDue.ToDateTimeOffset().ToUnixTimeSeconds());
        Assert.InRange(open.CommitmentTimeLeft.ToTimeSpan(), TimeSpan.FromHours(19), TimeSpan.FromHours(20));
        Assert.True(pop.ExchangeEligible);

        // During the call the agent registers a new order; then the PBX ends the call and files the recording.
        var newOrder = await fx.OrderOpenedAsync("13800138001", "Wang Fang", "SN-A-0002", exchangeEligible: false, callId: "call-pop-1");
        var rest = new CallScript("call-pop-1", DateTimeOffset.UtcNow)
            .Ended(TimeSpan.FromMinutes(4), HangUpParty.Caller)
            .After(TimeSpan.FromSeconds(30)).Recording("https://recordings.example/2026/call-pop-1.wav");
        await fx.Pbx.PlayOverWebhookAsync(rest.Events);

        var reader = fx.ClientAs(HotlineRoles.Agent);
        var calls = (await reader.ListCallsForOrderAsync(new ListCallsForOrderRequest { OrderId = newOrder.ToString() })).Calls;
        var record = Assert.Single(calls);
        Assert.Equal("call-pop-1", record.CallId);
        Assert.Equal(CallState.Ended, record.State);
        Assert.Equal("agent-101", record.AgentId);
        Assert.Equal("https://recordings.example/2026/call-pop-1.wav", record.RecordingUri);
        Assert.Equal(TimeSpan.FromMinutes(4), record.Duration.ToTimeSpan());
        Assert.Equal(HangUpParty.Caller, record.HungUpBy);
        Assert.Equal(newOrder.ToString(), record.OrderId);
        // The earlier order lists only its own call, not this one.
        var earlierCalls = (await reader.ListCallsForOrderAsync(new ListCallsForOrderRequest { OrderId = earlierOrder.ToString() })).Calls;
        Assert.DoesNotContain(earlierCalls, c => c.CallId == "call-pop-1");
    }

    [Fact]
    public async Task A_pop_goes_only_to_the_agent_who_answered()
    {
        var other = fx.ClientAs(HotlineRoles.Agent, subject: "agent-202");
        using var otherWatch = other.WatchAgentDesk(new WatchAgentDeskRequest { AgentId = "agent-202" });
        await otherWatch.ResponseHeadersAsync;

        var call = new CallScript("call-pop-2", DateTimeOffset.UtcNow).Offered("13900000002", "sales").After(TimeSpan.FromSeconds(5)).Answered("agent-203", "8203");
        await fx.Pbx.PlayOverGrpcAsync(call.Events);

        using var quiet = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        var ex = await Assert.ThrowsAsync<RpcException>(() => otherWatch.ResponseStream.MoveNext(quiet.Token));
        Assert.Equal(StatusCode.Cancelled, ex.StatusCode);
    }

    [Fact]
    public async Task An_agent_may_not_watch_another_agents_desk()
    {
        var desk = fx.ClientAs(HotlineRoles.Agent, subject: "agent-301");
        using var watch = desk.WatchAgentDesk(new WatchAgentDeskRequest { AgentId = "agent-302" });
        var ex = await Assert.ThrowsAsync<RpcException>(() => watch.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Equal(StatusCode.PermissionDenied, ex.StatusCode);
    }

    [Fact]
    public async Task A_transfer_records_the_latest_target_whichever_transfer_arrives_first()
    {
        var call = new CallScript("call-transfer-1", DateTimeOffset.UtcNow.AddMinutes(-10))
            .Offered("13700000003", "repair")
            .After(TimeSpan.FromSeconds(20)).Answered("agent-401", "8401")
            .After(TimeSpan.FromMinutes(2)).Transferred(1, toAgentId: "agent-402")
            .After(TimeSpan.FromMinutes(1)).Transferred(2, toQueue: "technical")
            .After(TimeSpan.FromMinutes(3)).Ended(TimeSpan.FromMinutes(6), HangUpParty.Agent);
        // The connector delivers the second transfer before the first.
        await fx.Pbx.PlayOverWebhookAsync([call[0], call[1], call[3], call[2], call[4]]);

        var got = await fx.ClientAs(HotlineRoles.Agent).GetCallAsync(new GetCallRequest { CallId = "call-transfer-1" });
        Assert.Equal(2, got.TransferCount);
        Assert.Equal("technical", got.TransferredToQueue);
        Assert.Equal("", got.TransferredToAgentId);
        Assert.Equal(call[3].EventTime, got.TransferredAt);
        Assert.Equal("agent-401", got.AgentId);
        Assert.Equal(CallState.Ended, got.State);
    }
}
