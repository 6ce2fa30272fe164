using Grpc.Core;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using TclHotline.Grpc.Telephony.V1;
using TclHotline.Messages.Intake;
using TclHotline.ServiceDefaults.Security;
using TclHotline.Telephony.Tests.Support;
using TclHotline.Testing;

namespace TclHotline.Telephony.Tests.Functional;

[Collection(TelephonyHostCollection.Name)]
public sealed class LinkingAndScopeTests(TelephonyHostFixture fx)
{
    [Fact]
    public async Task A_complaint_registered_during_a_call_links_the_call_to_the_complaint_and_to_the_order_it_is_about()
    {
        var orderId = await fx.OrderOpenedAsync("13300000060", "Chen Jie", "SN-L-0060", exchangeEligible: false, callId: "call-link-order");
        await fx.Pbx.PlayOverGrpcAsync(new CallScript("call-link-complaint", DateTimeOffset.UtcNow.AddMinutes(-2))
            .Offered("13300000060", "complaints").After(TimeSpan.FromSeconds(9)).Answered("agent-801", "8801").Events);

        var complaintCallId = Guid.NewGuid();
        await fx.Host.Services.GetRequiredService<IBus>().Publish(new ComplaintCallRegistered(
            complaintCallId, "call-link-complaint", "SZ", "Chen Jie", "13300000060", orderId, null, "SN-L-0060", "ENG-1",
            "LateOrMissedVisit", "engineer did not come", "agent-801", DateTimeOffset.UtcNow));

        var reader = fx.ClientAs(HotlineRoles.ComplaintHandler);
        var call = await Eventually.Until(
            () => reader.GetCallAsync(new GetCallRequest { CallId = "call-link-complaint" }).ResponseAsync,
            c => c.ComplaintCallId.Length > 0, TimeSpan.FromSeconds(15), "the complaint link");
        Assert.Equal(complaintCallId.ToString(), call.ComplaintCallId);
        Assert.Equal(orderId.ToString(), call.OrderId);
        var calls = (await reader.ListCallsForOrderAsync(new ListCallsForOrderRequest { OrderId = orderId.ToString() })).Calls;
        Assert.Equal(["call-link-complaint", "call-link-order"], calls.Select(c => c.CallId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task An_agent_of_another_branch_may_not_list_an_orders_calls()
    {
        var orderId = await fx.OrderOpenedAsync("13300000061", "Liu Yang", "SN-L-0061", exchangeEligible: false, callId: "call-scope-1", branch: "BJ");
        var ex = await Assert.ThrowsAsync<RpcException>(async () =>
            await fx.ClientAs(HotlineRoles.Agent, branch: "SZ").ListCallsForOrderAsync(new ListCallsForOrderRequest { OrderId = orderId.ToString() }));
        Assert.Equal(StatusCode.PermissionDenied, ex.StatusCode);
        var own = await fx.ClientAs(HotlineRoles.Agent, branch: "BJ").ListCallsForOrderAsync(new ListCallsForOrderRequest { OrderId = orderId.ToString() });
        Assert.Equal("call-scope-1", Assert.Single(own.Calls).CallId);
    }

    [Fact]
    public async Task A_late_answer_for_a_call_already_ended_records_the_agent_but_pops_nothing()
    {
        var desk = fx.ClientAs(HotlineRoles.Agent, subject: "agent-901");
        using var watch = desk.WatchAgentDesk(new WatchAgentDeskRequest { AgentId = "agent-901" });
        await watch.ResponseHeadersAsync;

        var call = new CallScript("call-late-answer", DateTimeOffset.UtcNow.AddMinutes(-3))
            .Offered("13300000062", "repair").After(TimeSpan.FromSeconds(4)).Answered("agent-901", "8901")
            .After(TimeSpan.FromMinutes(1)).Ended(TimeSpan.FromMinutes(1), HangUpParty.Agent);
        await fx.Pbx.PlayOverGrpcAsync([call[0], call[2], call[1]]);

        using var quiet = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        var ex = await Assert.ThrowsAsync<RpcException>(() => watch.ResponseStream.MoveNext(quiet.Token));
        Assert.Equal(StatusCode.Cancelled, ex.StatusCode);
        var got = await fx.ClientAs(HotlineRoles.Agent).GetCallAsync(new GetCallRequest { CallId = "call-late-answer" });
        Assert.Equal(("agent-901", CallState.Ended), (got.AgentId, got.State));
    }

    [Fact]
    public async Task An_answer_that_overtakes_its_offer_pops_at_once_and_again_with_the_caller_when_the_offer_arrives()
    {
        await fx.OrderOpenedAsync("13300000063", "Sun Li", "SN-L-0063", exchangeEligible: false, callId: null);
        var desk = fx.ClientAs(HotlineRoles.Agent, subject: "agent-902");
        using var watch = desk.WatchAgentDesk(new WatchAgentDeskRequest { AgentId = "agent-902" });
        await watch.ResponseHeadersAsync;

        var call = new CallScript("call-answer-first", DateTimeOffset.UtcNow.AddMinutes(-1))
            .Offered("13300000063", "repair").After(TimeSpan.FromSeconds(6)).Answered("agent-902", "8902");
        await fx.Pbx.PlayOverGrpcAsync([call[1], call[0]]);

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        Assert.True(await watch.ResponseStream.MoveNext(timeout.Token));
        Assert.Null(watch.ResponseStream.Current.Customer);
        Assert.True(await watch.ResponseStream.MoveNext(timeout.Token));
        var pop = watch.ResponseStream.Current;
        Assert.Equal(("call-answer-first", "Sun Li", "13300000063"), (pop.CallId, pop.Customer?.Name, pop.CallerNumber));
    }
}
