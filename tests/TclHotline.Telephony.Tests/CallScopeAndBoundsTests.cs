using Grpc.Core;
using TclHotline.Grpc.Telephony.V1;
using TclHotline.ServiceDefaults.Security;
using TclHotline.Testing;

namespace TclHotline.Telephony.Tests;

/// <summary>
/// GetCall checks the branch of calls that no order is linked to (abandoned, consultation, unlinked), and
/// ListCallbacks hands out bounded pages.
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
}
