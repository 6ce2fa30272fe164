using System.Net;
using Grpc.Core;
using TclHotline.Grpc.Telephony.V1;
using TclHotline.ServiceDefaults.Security;
using TclHotline.Telephony.Tests.Support;

namespace TclHotline.Telephony.Tests.Functional;

[Collection(TelephonyHostCollection.Name)]
public sealed class ConnectorAuthenticationTests(TelephonyHostFixture fx)
{
    private async Task AssertNothingStoredAsync(string callId)
    {
        Assert.Equal(0L, await fx.ScalarAsync<long>("SELECT COUNT(*) FROM call_events WHERE call_id = @Id", new { Id = callId }));
        Assert.Equal(0L, await fx.ScalarAsync<long>("SELECT COUNT(*) FROM calls WHERE call_id = @Id", new { Id = callId }));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("pbx-shared-secret-for-test")]
    [InlineData("PBX-SHARED-SECRET-FOR-TESTS")]
    public async Task A_webhook_without_the_right_secret_is_refused_and_stores_nothing(string? secret)
    {
        var callId = "call-bad-secret-" + (secret?.Length ?? -1);
        var offered = new CallScript(callId, DateTimeOffset.UtcNow).Offered("13400000050", "repair")[0];
        using var response = await fx.Pbx.PostAsync(offered, secret);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await AssertNothingStoredAsync(callId);
    }

    [Fact]
    public async Task A_webhook_body_over_the_limit_is_refused()
    {
        var json = "{\"callId\":\"call-too-big\",\"eventTime\":\"2026-11-27T03:00:00Z\",\"offered\":{\"callerNumber\":\"1\",\"queue\":\"" + new string('q', 20_000) + "\"}}";
        using var response = await fx.Pbx.PostJsonAsync(json, TelephonyHostFixture.Secret);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        await AssertNothingStoredAsync("call-too-big");
    }

    [Fact]
    public async Task A_webhook_event_with_bad_fields_is_refused_naming_them()
    {
        using var response = await fx.Pbx.PostJsonAsync("{\"callId\":\"call-bad-fields\",\"answered\":{}}", TelephonyHostFixture.Secret);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("event_time", body);
        Assert.Contains("answered.agent_id", body);
        await AssertNothingStoredAsync("call-bad-fields");
    }

    [Fact]
    public async Task A_grpc_event_without_a_token_is_unauthenticated_and_stores_nothing()
    {
        using var channel = fx.Host.Channel();
        var client = new TelephonyService.TelephonyServiceClient(channel);
        var offered = new CallScript("call-no-token", DateTimeOffset.UtcNow).Offered("13400000051", "repair")[0];
        var ex = await Assert.ThrowsAsync<RpcException>(async () => await client.ReportCallEventAsync(offered));
        Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
        await AssertNothingStoredAsync("call-no-token");
    }

    [Fact]
    public async Task An_agent_token_may_not_report_call_events()
    {
        var offered = new CallScript("call-agent-token", DateTimeOffset.UtcNow).Offered("13400000052", "repair")[0];
        var ex = await Assert.ThrowsAsync<RpcException>(async () => await fx.ClientAs(HotlineRoles.Agent).ReportCallEventAsync(offered));
        Assert.Equal(StatusCode.PermissionDenied, ex.StatusCode);
        await AssertNothingStoredAsync("call-agent-token");
    }

    [Fact]
    public async Task A_grpc_event_with_bad_fields_is_invalid_argument_naming_each()
    {
        var bad = new CallEvent { CallId = "call-bad-grpc", Transferred = new CallTransferred() };
        var ex = await Assert.ThrowsAsync<RpcException>(async () =>
            await fx.ClientAs(HotlineRoles.TelephonyConnector).ReportCallEventAsync(bad));
        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        var fields = ex.Trailers.GetValue("invalid-fields")!.Split(',');
        Assert.Equal(["event_time", "transferred.to_agent_id", "transferred.sequence"], fields);
        await AssertNothingStoredAsync("call-bad-grpc");
    }
}
