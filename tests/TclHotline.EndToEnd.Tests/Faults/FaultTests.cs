using TclHotline.EndToEnd.Tests.Apis;
using TclHotline.EndToEnd.Tests.Harness;
using TclHotline.Testing;
using Xunit;
using Xunit.Abstractions;

namespace TclHotline.EndToEnd.Tests.Faults;

/// <summary>
/// Each fault injected half-way through a burst of calls; after the system settles, what was stored is counted
/// against what the calls should have produced: nothing lost, nothing doubled.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class FaultTests(SystemUnderTest system, ITestOutputHelper output)
{
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(60);

    [RabbitMqFact]
    public async Task Each_service_killed_with_SIGKILL_mid_burst_and_restarted_loses_and_doubles_nothing()
    {
        // Every service at once (intake, dispatch, sla, complaints, returns): five restarts one by one would cost
        // the suite minutes more on two cores, and the simultaneous kill is the harder case for the outboxes.
        var burst = new Burst(system, "KA", count: 24);
        await burst.RunAsync(system.RestartAllAsync);
        await AssertNothingLostOrDoubled(burst, "every service killed with SIGKILL and restarted");
    }

    [RabbitMqFact]
    public async Task Returns_host_alone_killed_with_SIGKILL_mid_burst_and_restarted_loses_and_doubles_nothing()
    {
        // The others keep running: the dealers' reports retry until the restarted host answers, and the pre-sale
        // requests it had written to its outbox before the kill still reach intake, once each.
        var burst = new Burst(system, "RK", count: 16);
        await burst.RunAsync(system.Returns.RestartAsync);
        await AssertNothingLostOrDoubled(burst, "returns host killed with SIGKILL and restarted");
    }

    [RabbitMqFact]
    public async Task Broker_stopped_for_30_seconds_while_calls_keep_coming_loses_and_doubles_nothing()
    {
        var burst = new Burst(system, "BO", count: 24);
        await burst.RunAsync(async () =>
        {
            await system.Broker.StopAsync();
            await Task.Delay(TimeSpan.FromSeconds(30));
            await system.Broker.StartAsync();
        });
        await AssertNothingLostOrDoubled(burst, "broker stopped 30 s");
    }

    [RabbitMqFact]
    public async Task Database_file_locked_by_another_process_loses_and_doubles_nothing()
    {
        var burst = new Burst(system, "LK", count: 16);
        await burst.RunAsync(() => Task.WhenAll(
            ServiceFiles.HoldExclusiveLockAsync(ServiceFiles.DatabaseFile(system, "Complaints", "complaints"), TimeSpan.FromSeconds(4)),
            ServiceFiles.HoldExclusiveLockAsync(ServiceFiles.DatabaseFile(system, "Sla", "sla"), TimeSpan.FromSeconds(4)),
            ServiceFiles.HoldExclusiveLockAsync(ServiceFiles.DatabaseFile(system, "Returns", "returns"), TimeSpan.FromSeconds(4))));
        await AssertNothingLostOrDoubled(burst, "complaints.db, sla.db and returns.db locked 4 s");
    }

    [RabbitMqFact]
    public async Task Two_instances_of_every_service_at_once_lose_and_double_nothing()
    {
        try
        {
            await system.StartSecondInstancesAsync();
            var instances = system.InstancesOf("Complaints");
            var burst = new Burst(system, "TW", count: 24);
            // Alternate the filings between the two complaint desks; the same key sent to both below.
            await burst.RunAsync(() => Task.CompletedTask, i => instances[i % 2]);
            var again = new ComplaintDeskCalls(system);
            foreach (var key in burst.Keys.Take(4))
                await again.FileUntilAnsweredAsync(ComplaintDeskCalls.NewComplaint("TW", key), instance: instances[1]);
            await AssertNothingLostOrDoubled(burst, "two instances of every service");
        }
        finally
        {
            await system.StopSecondInstancesAsync();
        }
    }

    [RabbitMqFact]
    public async Task Every_message_delivered_twice_loses_and_doubles_nothing()
    {
        // Left on for the tests that follow: every later check then also holds under doubled deliveries,
        // and the suite saves a second restart of every process.
        system.ExtraEnvironment["Messaging__DuplicateDeliveries"] = "true";
        var burst = new Burst(system, "DU", count: 16);
        await burst.RunAsync(system.RestartAllAsync);
        await AssertNothingLostOrDoubled(burst, "every message delivered twice");
    }

    private Task AssertNothingLostOrDoubled(Burst burst, string fault) => AssertNothingLostOrDoubled(system, output, burst, fault);

    internal static async Task AssertNothingLostOrDoubled(SystemUnderTest system, ITestOutputHelper output, Burst burst, string fault)
    {
        try
        {
            var deadlines = await burst.SettleDeadlinesAsync(Settle);
            var onSite = await burst.SettleOrderDeadlinesAsync(Settle);
            var (lost, duplicated) = await burst.CountAsync();
            output.WriteLine($"{fault}: {burst.Keys.Count} complaints filed, {burst.Keys.Count} repairs registered and {burst.Keys.Count} pre-sale units reported, {deadlines} complaint and {onSite} on-site SLA deadlines, lost {lost}, duplicated {duplicated}");
            Assert.Equal(0, lost);
            Assert.Equal(0, duplicated);
            Assert.Empty(await system.NotReadyAsync());
        }
        catch (Exception)
        {
            output.WriteLine(system.Tails());
            throw;
        }
        finally
        {
            system.Figures.Print(output, fault);
        }
    }
}
