using TclHotline.EndToEnd.Tests.Apis;
using TclHotline.EndToEnd.Tests.Harness;
using Xunit;
using Xunit.Abstractions;

namespace TclHotline.EndToEnd.Tests.Faults;

/// <summary>
/// The embedded default under the fault it must survive without a broker: the standalone host killed with
/// SIGKILL mid-burst, while events sit in its in-memory bus, and started again on the same files.
/// </summary>
[Collection(StandaloneCollection.Name)]
public sealed class StandaloneFaultTests(StandaloneSystem system, ITestOutputHelper output)
{
    [Fact]
    public async Task Standalone_host_killed_with_SIGKILL_mid_burst_and_restarted_loses_and_doubles_nothing()
    {
        var burst = new Burst(system, "SK", count: 24);
        await burst.RunAsync(system.RestartAllAsync);
        await FaultTests.AssertNothingLostOrDoubled(system, output, burst, "standalone host killed with SIGKILL and restarted");
    }
}
