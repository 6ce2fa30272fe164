using Microsoft.Extensions.Configuration;
using TclHotline.Foundation.Tests.Support;
using TclHotline.ServiceDefaults;
using TclHotline.ServiceDefaults.Modules;
using TclHotline.Testing;
using Xunit;

namespace TclHotline.Foundation.Tests.Broker;

/// <summary>A fresh broker (a new virtual host) and the services started in the worst order.</summary>
[Collection(RabbitMqFixture.Collection)]
public sealed class FreshBrokerTests(RabbitMqFixture fixture)
{
    [RabbitMqFact]
    public async Task Events_published_before_their_consumer_ever_started_wait_in_its_queue_once_the_topology_is_deployed()
    {
        var vhost = await fixture.Broker.AddVirtualHostAsync();
        var settings = fixture.Broker.Configuration.Append(new("Messaging:VirtualHost", vhost))
            .GroupBy(kv => kv.Key).Select(g => g.Last()).ToList();

        // The deploy-time step, with every module of the system (here: the ledger and its consumer).
        await HotlineApp.DeployTopologyAsync([], b => b.Configuration.AddInMemoryCollection(settings), new LedgerModule());

        // The publisher starts first and publishes; the consumer's host has never run on this broker.
        List<string> subjects;
        await using (var publisher = await TestHost.StartAsync([new LedgerModule(consumes: false)], settings))
        {
            subjects = await LedgerFixture.RecordAsync(publisher, 5);
            await Eventually.Until(() => LedgerFixture.PendingOutboxAsync(publisher), n => n == 0, TimeSpan.FromSeconds(30), "every event confirmed by the broker");
        }
        Assert.All(subjects, s => Assert.False(LedgerEventConsumer.Deliveries.ContainsKey(s)));

        await using var consumer = await TestHost.StartAsync([new LedgerModule()], settings);
        await Eventually.Until(() => Task.FromResult(subjects.All(LedgerEventConsumer.Deliveries.ContainsKey)), TimeSpan.FromSeconds(30),
            "every event published before the consumer started delivered to it");
    }
}
