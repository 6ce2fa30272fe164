using Dapper;
using Grpc.Core;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using TclHotline.Messages;
using TclHotline.Messages.Sla;
using TclHotline.ServiceDefaults.Security;
using TclHotline.Sla.Application;
using TclHotline.Sla.Domain;
using TclHotline.Sla.Tests.Support;
using TclHotline.Testing;
using Proto = TclHotline.Grpc.Sla.V1;

namespace TclHotline.Sla.Tests.Broker;

/// <summary>The distributed run mode: owner events arrive over RabbitMQ and the breach is published back to it.</summary>
[Collection(RabbitMqFixture.Collection)]
public class SlaOverBrokerTests(RabbitMqFixture fixture)
{
    [RabbitMqFact]
    public async Task A_deadline_set_over_RabbitMq_is_stored_and_its_breach_is_published_to_the_broker_once()
    {
        await using var host = await TestHost.StartAsync([new SlaModule()], settings: fixture.Broker.Configuration);
        var now = DateTimeOffset.UtcNow;
        var set = new DeadlineSet(DeadlineOwners.Dispatch, "SO-BROKER-1", DeadlineKinds.OnSite, "CS", now, now.AddSeconds(2), now);
        await host.Publish(set);

        var key = new DeadlineKey(set.Owner, set.SubjectId, set.Kind);
        var breached = await host.Until(key, d => d.State == DeadlineState.Breached, "the breach");
        var sent = await Eventually.Until(() => SentBreachesAsync(host, set.SubjectId), n => n >= 1, TimeSpan.FromSeconds(15), "the breach relayed to the broker");

        Assert.Equal(1, sent);
        Assert.Single(await host.OutboxBodies<DeadlineBreached>(set.SubjectId));
        // Instants are stored to the millisecond, so the breach is compared with the due time as stored.
        Assert.True(breached.BreachedAt >= breached.DueAt, $"breached at {breached.BreachedAt:O}, due {breached.DueAt:O}");
    }

    [RabbitMqFact]
    public async Task WatchSlaEvents_on_every_instance_sees_the_warnings_and_the_breach_another_instance_fired_once()
    {
        var data = Path.Combine(Path.GetTempPath(), "tclhotline-sla-fanout-" + Guid.NewGuid().ToString("N"));
        try
        {
            // B's scanner sleeps an hour unless its own consumer wakes it, and the deadline is stored through A
            // (not sent on the bus): A fires it, and B's watcher can only learn of it through the broker.
            await using var b = await Task.Run(() => TestHost.StartAsync(
                [new SlaModule()], [.. fixture.Broker.Configuration, new("Sla:MaxSleep", "01:00:00")], dataDirectory: data));
            await using var a = await Task.Run(() => TestHost.StartAsync([new SlaModule()], fixture.Broker.Configuration, dataDirectory: data));
            using var watching = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            var onB = new Proto.SlaTimer.SlaTimerClient(b.ChannelAs(HotlineRoles.Dispatcher, "CS"))
                .WatchSlaEvents(new Proto.WatchSlaEventsRequest(), cancellationToken: watching.Token);
            var onA = new Proto.SlaTimer.SlaTimerClient(a.ChannelAs(HotlineRoles.Dispatcher, "CS"))
                .WatchSlaEvents(new Proto.WatchSlaEventsRequest(), cancellationToken: watching.Token);
            await Task.WhenAll(onB.ResponseHeadersAsync, onA.ResponseHeadersAsync);

            var subject = (await a.SeedAsync("SO-FANOUT", 1, DateTimeOffset.UtcNow.AddSeconds(1))).Single();
            var seenOnB = await UntilBreachAsync(onB.ResponseStream, subject, watching.Token);
            var seenOnA = await UntilBreachAsync(onA.ResponseStream, subject, watching.Token);

            // A duplicate (A's own item coming back from the broker) would arrive within this pause.
            using var pause = CancellationTokenSource.CreateLinkedTokenSource(watching.Token);
            pause.CancelAfter(TimeSpan.FromSeconds(1));
            var more = await Task.WhenAll(MoveNextOrStoppedAsync(onB.ResponseStream, pause.Token), MoveNextOrStoppedAsync(onA.ResponseStream, pause.Token));
            Assert.False(more[0], "B got a notice twice");
            Assert.False(more[1], "A got its own notice back");
            Assert.Equal(["warning 0.5", "warning 0.8", "breach"], seenOnB);
            Assert.Equal(seenOnB, seenOnA);
            // The exchange carries the service's own name, which the service's broker user may declare.
            Assert.True(a.Services.GetRequiredService<IBus>().Topology.TryGetPublishAddress(typeof(SlaNotice), out var exchange));
            Assert.EndsWith("/sla-live-sla-notice", exchange.GetLeftPart(UriPartial.Path));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(data, recursive: true);
        }
    }

    private static async Task<List<string>> UntilBreachAsync(IAsyncStreamReader<Proto.SlaEvent> stream, string subject, CancellationToken ct)
    {
        var seen = new List<string>();
        while (await stream.MoveNext(ct))
        {
            var e = stream.Current;
            if ((e.Warning?.SubjectId ?? e.Breach.SubjectId) != subject)
            {
                continue;
            }

            seen.Add(e.EventCase == Proto.SlaEvent.EventOneofCase.Breach ? "breach" : $"warning {e.Warning!.Fraction}");
            if (e.EventCase == Proto.SlaEvent.EventOneofCase.Breach)
            {
                return seen;
            }
        }

        throw new InvalidOperationException("the stream ended before the breach");
    }

    private static async Task<bool> MoveNextOrStoppedAsync(IAsyncStreamReader<Proto.SlaEvent> stream, CancellationToken ct)
    {
        try
        {
            return await stream.MoveNext(ct);
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.Cancelled)
        {
            return false;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private static async Task<long> SentBreachesAsync(TestHost host, string subjectId)
    {
        await using var connection = await host.Services.GetRequiredService<SlaDatabase>().OpenAsync();
        return await connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM outbox_messages WHERE message_type = @Type AND sent_at IS NOT NULL AND body LIKE @Subject",
            new { Type = typeof(DeadlineBreached).FullName, Subject = $"%\"subjectId\":\"{subjectId}\"%" });
    }
}
