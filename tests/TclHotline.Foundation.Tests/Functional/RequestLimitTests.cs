using Grpc.Core;
using TclHotline.Foundation.Tests.Ledger.V1;
using TclHotline.Foundation.Tests.Support;
using TclHotline.Testing;
using Xunit;

namespace TclHotline.Foundation.Tests.Functional;

public sealed class RequestLimitTests
{
    [Fact]
    public async Task Calls_over_the_rate_limit_are_refused_with_resource_exhausted()
    {
        await using var host = await TestHost.StartAsync([new LedgerModule()],
            [new("Limits:PermitsPerSecond", "2"), new("Limits:Burst", "3")]);
        var client = LedgerFixture.Client(host);
        var statuses = new List<StatusCode>();
        for (var i = 0; i < 10; i++)
        {
            try { await client.RecordAsync(new RecordRequest { Subject = Guid.NewGuid().ToString("N") }); statuses.Add(StatusCode.OK); }
            catch (RpcException e) { statuses.Add(e.StatusCode); }
        }
        Assert.Contains(StatusCode.OK, statuses);
        Assert.Contains(StatusCode.ResourceExhausted, statuses);
        Assert.True((await host.Http.GetAsync("/health/live")).IsSuccessStatusCode, "health is never limited");
    }
}
