using Grpc.Core;
using TclHotline.Grpc.Telephony.V1;
using TclHotline.Messages;
using TclHotline.ServiceDefaults.Security;
using TclHotline.Telephony.Tests.Support;

namespace TclHotline.Telephony.Tests.Functional;

[Collection(TelephonyHostCollection.Name)]
public sealed class CallbackTests(TelephonyHostFixture fx)
{
    [Fact]
    public async Task An_abandoned_call_from_a_customer_with_an_open_order_becomes_a_callback_with_a_deadline_claimed_and_completed()
    {
        var orderId = await fx.OrderOpenedAsync("13800138010", "Zhao Lei", "SN-C-0010", exchangeEligible: false, callId: null, branch: "GZ");
        var abandonedAt = DateTimeOffset.UtcNow.AddSeconds(-5);
        var call = new CallScript("call-abandon-1", abandonedAt.AddSeconds(-10))
            .Offered("008613800138010", "repair")
            .After(TimeSpan.FromSeconds(10)).Abandoned(TimeSpan.FromSeconds(10));
        await fx.Pbx.PlayOverGrpcAsync(call.Events);

        var agent = fx.ClientAs(HotlineRoles.Agent, subject: "agent-501", branch: "GZ");
        var callback = Assert.Single((await agent.ListCallbacksAsync(new ListCallbacksRequest())).Callbacks, c => c.CallId == "call-abandon-1");
        Assert.Equal(CallbackReason.OpenOrder, callback.Reason);
        Assert.Equal(CallbackState.Open, callback.State);
        Assert.Equal("GZ", callback.BranchCode);
        Assert.Equal(orderId.ToString(), callback.OrderId);
        Assert.Equal(TimeSpan.FromHours(2), callback.DueAt.ToDateTimeOffset() - callback.AbandonedAt.ToDateTimeOffset());

        var set = Assert.Single(await fx.OutboxAsync("DeadlineSet", callback.CallbackId));
        Assert.Contains(DeadlineKinds.Callback, set);
        Assert.Contains(DeadlineOwners.Telephony, set);

        // Another branch does not see it; another agent cannot take it once claimed.
        var elsewhere = fx.ClientAs(HotlineRoles.Agent, subject: "agent-502", branch: "SZ");
        Assert.DoesNotContain((await elsewhere.ListCallbacksAsync(new ListCallbacksRequest())).Callbacks, c => c.CallId == "call-abandon-1");
        var claimed = await agent.ClaimCallbackAsync(new ClaimCallbackRequest { CallbackId = callback.CallbackId });
        Assert.Equal(CallbackState.Claimed, claimed.State);
        Assert.Equal("agent-501", claimed.ClaimedBy);
        var colleague = fx.ClientAs(HotlineRoles.Agent, subject: "agent-503", branch: "GZ");
        var refused = await Assert.ThrowsAsync<RpcException>(async () => await colleague.ClaimCallbackAsync(new ClaimCallbackRequest { CallbackId = callback.CallbackId }));
        Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);

        var done = await agent.CompleteCallbackAsync(new CompleteCallbackRequest { CallbackId = callback.CallbackId, Outcome = "reached, visit confirmed" });
        Assert.Equal(CallbackState.Completed, done.State);
        Assert.Equal("reached, visit confirmed", done.Outcome);
        // Completing again changes nothing and meets the deadline only once.
        await agent.CompleteCallbackAsync(new CompleteCallbackRequest { CallbackId = callback.CallbackId, Outcome = "again" });
        Assert.Single(await fx.OutboxAsync("DeadlineMet", callback.CallbackId));
        Assert.DoesNotContain((await agent.ListCallbacksAsync(new ListCallbacksRequest())).Callbacks, c => c.CallId == "call-abandon-1");
    }

    [Fact]
    public async Task An_unknown_caller_is_called_back_only_after_waiting_longer_than_the_configured_wait()
    {
        var start = DateTimeOffset.UtcNow.AddMinutes(-3);
        await fx.Pbx.PlayOverWebhookAsync(new CallScript("call-abandon-long", start)
            .Offered("13600000020", "sales").After(TimeSpan.FromSeconds(61)).Abandoned(TimeSpan.FromSeconds(61)).Events);
        await fx.Pbx.PlayOverWebhookAsync(new CallScript("call-abandon-short", start)
            .Offered("13600000021", "sales").After(TimeSpan.FromSeconds(60)).Abandoned(TimeSpan.FromSeconds(60)).Events);

        var callbacks = (await fx.ClientAs(HotlineRoles.Agent).ListCallbacksAsync(new ListCallbacksRequest())).Callbacks;
        var longWait = Assert.Single(callbacks, c => c.CallId == "call-abandon-long");
        Assert.Equal(CallbackReason.LongWait, longWait.Reason);
        Assert.Equal(HotlineClaims.AllBranches, longWait.BranchCode);
        Assert.DoesNotContain(callbacks, c => c.CallId == "call-abandon-short");
    }

    [Fact]
    public async Task Completing_a_callback_not_claimed_is_refused()
    {
        await fx.Pbx.PlayOverGrpcAsync(new CallScript("call-abandon-unclaimed", DateTimeOffset.UtcNow.AddMinutes(-5))
            .Offered("13600000030", "sales").After(TimeSpan.FromMinutes(2)).Abandoned(TimeSpan.FromMinutes(2)).Events);
        var agent = fx.ClientAs(HotlineRoles.Agent, subject: "agent-601");
        var callback = Assert.Single((await agent.ListCallbacksAsync(new ListCallbacksRequest())).Callbacks, c => c.CallId == "call-abandon-unclaimed");
        var ex = await Assert.ThrowsAsync<RpcException>(async () =>
            await agent.CompleteCallbackAsync(new CompleteCallbackRequest { CallbackId = callback.CallbackId }));
        Assert.Equal(StatusCode.FailedPrecondition, ex.StatusCode);
        Assert.Empty(await fx.OutboxAsync("DeadlineMet", callback.CallbackId));
    }
}
