using Grpc.Core;
using TclHotline.Foundation.Tests.Ledger.V1;
using TclHotline.Foundation.Tests.Support;
using TclHotline.ServiceDefaults.Security;
using TclHotline.Testing;
using Xunit;

namespace TclHotline.Foundation.Tests.Functional;

public sealed class SecurityTests : IAsyncLifetime
{
    private TestHost _host = null!;

    public async Task InitializeAsync() => _host = await TestHost.StartAsync([new LedgerModule()]);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<StatusCode> CallWith(string? token)
    {
        var client = new Ledger.V1.Ledger.LedgerClient(_host.Channel(token));
        try
        {
            await client.RecordAsync(new RecordRequest { Subject = Guid.NewGuid().ToString("N") });
            return StatusCode.OK;
        }
        catch (RpcException e) { return e.StatusCode; }
    }

    [Fact]
    public async Task A_call_without_a_token_is_unauthenticated() => Assert.Equal(StatusCode.Unauthenticated, await CallWith(null));

    [Fact]
    public async Task A_token_with_the_wrong_signature_is_unauthenticated() =>
        Assert.Equal(StatusCode.Unauthenticated, await CallWith(DevelopmentTokens.Mint("another-key-that-is-long-enough-0123456789", "u", [HotlineRoles.Agent], "CS")));

    [Fact]
    public async Task An_expired_token_is_unauthenticated() =>
        Assert.Equal(StatusCode.Unauthenticated, await CallWith(DevelopmentTokens.Mint(TestTokens.SigningKey, "u", [HotlineRoles.Agent], "CS",
            lifetime: TimeSpan.FromMinutes(5), now: DateTimeOffset.UtcNow.AddHours(-1))));

    [Fact]
    public async Task A_token_for_another_audience_is_unauthenticated() =>
        Assert.Equal(StatusCode.Unauthenticated, await CallWith(DevelopmentTokens.Mint(TestTokens.SigningKey, "u", [HotlineRoles.Agent], "CS", audience: "someone-else")));

    [Fact]
    public async Task A_role_the_method_does_not_allow_is_permission_denied() =>
        Assert.Equal(StatusCode.PermissionDenied, await CallWith(TestTokens.For(HotlineRoles.Engineer, "CS")));

    [Fact]
    public async Task The_right_role_gets_in() => Assert.Equal(StatusCode.OK, await CallWith(TestTokens.For(HotlineRoles.Agent, "CS")));

    [Fact]
    public async Task Health_needs_no_token()
    {
        Assert.True((await _host.Http.GetAsync("/health/live")).IsSuccessStatusCode);
    }
}
