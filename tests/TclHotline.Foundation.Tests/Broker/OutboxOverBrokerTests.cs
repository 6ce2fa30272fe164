using Dapper;
using Microsoft.Extensions.Configuration;
using TclHotline.Foundation.Tests.Support;
using TclHotline.ServiceDefaults;
using TclHotline.ServiceDefaults.Modules;
using TclHotline.Testing;
using Xunit;

namespace TclHotline.Foundation.Tests.Broker;

/// <summary>The outbox and inbox against a real RabbitMQ broker on loopback.</summary>
[Collection(RabbitMqFixture.Collection)]
public sealed class OutboxOverBrokerTests(RabbitMqFixture fixture)
{
    private IEnumerable<KeyValuePair<string, string?>> Settings =>
        fixture.Broker.Configuration.Append(new("Outbox:PublishTimeout", "00:00:02")).Append(new("Outbox:MaxBackoff", "00:00:01"));

    [RabbitMqFact]
    public async Task Events_written_while_the_broker_is_down_are_published_once_it_is_back()
    {
        await using var host = await TestHost.StartAsync([new LedgerModule()], Settings);
        var before = await LedgerFixture.RecordAsync(host, 5);
        await LedgerFixture.AllAppliedOnceAsync(host, before, TimeSpan.FromSeconds(30));

        await fixture.Broker.StopAsync();
        List<string> during;
        try
        {
            during = await LedgerFixture.RecordAsync(host, 20);
            await Task.Delay(TimeSpan.FromSeconds(3));
            Assert.Equal(20, await LedgerFixture.PendingOutboxAsync(host));
            Assert.Empty(await LedgerFixture.AppliedAsync(host, during).ContinueWith(t => t.Result.Where(kv => kv.Value > 0)));
        }
        finally
        {
            await fixture.Broker.StartAsync();
        }

        await LedgerFixture.AllAppliedOnceAsync(host, during, TimeSpan.FromSeconds(60));
        Assert.Equal(0, await LedgerFixture.PendingOutboxAsync(host));
    }

    [RabbitMqFact]
    public async Task A_relay_that_died_between_publish_and_mark_publishes_again_and_the_inbox_absorbs_it()
    {
        await using var host = await TestHost.StartAsync([new LedgerModule()], Settings);
        var subjects = await LedgerFixture.RecordAsync(host, 10);
        await LedgerFixture.AllAppliedOnceAsync(host, subjects, TimeSpan.FromSeconds(30));

        // What a crash between "published" and "marked sent" leaves behind: published rows still unsent.
        var db = (LedgerDatabase)host.Services.GetService(typeof(LedgerDatabase))!;
        await using (var connection = await db.OpenAsync())
            await connection.ExecuteAsync("UPDATE outbox_messages SET sent_at = NULL");
        db.OutboxSignal.Notify();

        await Eventually.Until(() => Task.FromResult(subjects.All(s => LedgerEventConsumer.Deliveries.GetValueOrDefault(s) >= 2)),
            TimeSpan.FromSeconds(30), "every event delivered a second time");
        await Task.Delay(500);
        var applied = await LedgerFixture.AppliedAsync(host, subjects);
        Assert.All(subjects, s => Assert.Equal(1, applied[s]));
    }

    [RabbitMqFact]
    public async Task Two_hosts_on_one_database_publish_each_event_once()
    {
        var data = Path.Combine(Path.GetTempPath(), "tclhotline-two-relays-" + Guid.NewGuid().ToString("N"));
        await using var first = await TestHost.StartAsync([new LedgerModule()], Settings, dataDirectory: data);
        await using var second = await TestHost.StartAsync([new LedgerModule()], Settings, dataDirectory: data);
        var subjects = (await Task.WhenAll(LedgerFixture.RecordAsync(first, 25), LedgerFixture.RecordAsync(second, 25))).SelectMany(s => s).ToList();

        await LedgerFixture.AllAppliedOnceAsync(first, subjects, TimeSpan.FromSeconds(30));
        await Task.Delay(1000);
        Assert.All(subjects, s => Assert.Equal(1, LedgerEventConsumer.Deliveries[s]));
    }
}
