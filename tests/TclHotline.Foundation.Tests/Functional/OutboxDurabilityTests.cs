using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Dapper;
using Grpc.Core;
using MassTransit;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using TclHotline.Foundation.Tests.Support;
using TclHotline.Grpc.Audit.V1;
using TclHotline.Messages.Sla;
using TclHotline.ServiceDefaults.Database;
using TclHotline.ServiceDefaults.Observability;
using TclHotline.ServiceDefaults.Outbox;
using TclHotline.ServiceDefaults.Security;
using TclHotline.Testing;
using Xunit;

namespace TclHotline.Foundation.Tests.Functional;

/// <summary>The outbox on the in-memory bus across a crash, its dead letters, and its lease under slow publishing.</summary>
public sealed class OutboxDurabilityTests
{
    [Fact]
    public async Task On_the_in_memory_bus_a_row_stays_unsent_until_its_consumer_commits_so_a_crash_loses_nothing()
    {
        var data = NewDataDirectory();
        var crashed = NewDataDirectory();
        var release = new TaskCompletionSource();
        List<string> subjects;
        await using (var host = await TestHost.StartAsync([new LedgerModule()], dataDirectory: data))
            try
            {
                subjects = Enumerable.Range(0, 5).Select(_ => Guid.NewGuid().ToString("N")).ToList();
                foreach (var s in subjects) LedgerEventConsumer.Held[s] = release.Task;
                var client = LedgerFixture.Client(host);
                foreach (var s in subjects) await client.RecordAsync(new Ledger.V1.RecordRequest { Subject = s });

                // Every event is in its consumer's hands, none committed: the in-memory queue is all that holds them.
                await Eventually.Until(() => Task.FromResult(subjects.All(LedgerEventConsumer.Deliveries.ContainsKey)), TimeSpan.FromSeconds(15), "every event delivered");
                await Task.Delay(1000); // several relay rounds
                Assert.Equal(5, await LedgerFixture.PendingOutboxAsync(host));

                // The database as a SIGKILL now would leave it.
                await using (var source = new SqliteConnection($"Data Source={Path.Combine(data, "ledger.db")};Pooling=False"))
                await using (var copy = new SqliteConnection($"Data Source={Path.Combine(crashed, "ledger.db")};Pooling=False"))
                {
                    await source.OpenAsync();
                    await copy.OpenAsync();
                    source.BackupDatabase(copy);
                }
            }
            finally
            {
                release.TrySetResult(); // the held consumers finish, so the host can stop
            }

        await using var restarted = await TestHost.StartAsync([new LedgerModule()], dataDirectory: crashed);
        await LedgerFixture.AllAppliedOnceAsync(restarted, subjects, TimeSpan.FromSeconds(30));
        await Eventually.Until(() => LedgerFixture.PendingOutboxAsync(restarted), n => n == 0, TimeSpan.FromSeconds(15), "every row marked sent");
    }

    [Fact]
    public async Task A_poison_row_moves_to_the_dead_letters_after_MaxAttempts_and_the_rows_behind_it_go_out()
    {
        var deadLettered = new ConcurrentDictionary<string, long>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == HotlineTelemetry.Name && instrument.Name == "tclhotline.outbox.dead_lettered") l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
                if (tag.Key == "service") deadLettered.AddOrUpdate((string)tag.Value!, value, (_, v) => v + value);
        });
        listener.Start();

        await using var host = await TestHost.StartAsync([new LedgerModule()], [new("Outbox:MaxAttempts", "3")]);
        var db = host.Services.GetRequiredService<LedgerDatabase>();
        var aggregate = Guid.NewGuid().ToString("N");
        var unknownType = await InsertRawAsync(db, aggregate, "TclHotline.Messages.Sla.DeadlineSetFromANewerBuild", "{}");
        var badPayload = await InsertRawAsync(db, Guid.NewGuid().ToString("N"), typeof(DeadlineSet).FullName!, "{not json");
        // Written after the poison row, in the same aggregate: held back until the poison row leaves.
        var behind = await LedgerFixture.RecordAsync(host, 3, aggregate);
        var others = await LedgerFixture.RecordAsync(host, 3);

        await LedgerFixture.AllAppliedOnceAsync(host, behind.Concat(others).ToList(), TimeSpan.FromSeconds(30));
        await Eventually.Until(() => LedgerFixture.PendingOutboxAsync(host), n => n == 0, TimeSpan.FromSeconds(15), "the outbox drained");

        var audit = new AuditTrail.AuditTrailClient(host.ChannelAs(HotlineRoles.Administrator));
        var letters = (await audit.ListDeadLettersAsync(new ListDeadLettersRequest { Service = "ledger" })).DeadLetters;
        Assert.Equal(new[] { badPayload, unknownType }.Order(), letters.Select(l => Guid.Parse(l.MessageId)).Order());
        Assert.All(letters, l => Assert.Equal(3, l.Attempts));
        Assert.Contains("DeadlineSetFromANewerBuild", letters.Single(l => Guid.Parse(l.MessageId) == unknownType).LastError);
        Assert.Equal(aggregate, letters.Single(l => Guid.Parse(l.MessageId) == unknownType).AggregateId);
        Assert.Equal(2, deadLettered.GetValueOrDefault("ledger"));

        var agent = new AuditTrail.AuditTrailClient(host.ChannelAs(HotlineRoles.Agent, "CS"));
        var refused = await Assert.ThrowsAsync<RpcException>(() => agent.ListDeadLettersAsync(new ListDeadLettersRequest()).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
    }

    [Fact]
    public async Task A_message_its_consumer_kept_refusing_is_dead_lettered_and_an_administrator_replays_it_once_fixed()
    {
        await using var host = await TestHost.StartAsync([new LedgerModule()],
        [
            new("Outbox:MaxAttempts", "2"),
            new("Messaging:RetryIntervalsMs:0", "10"), new("Messaging:RetryIntervalsMs:1", "10"), new("Messaging:RetryIntervalsMs:2", "10"),
        ]);
        var refused = Guid.NewGuid().ToString("N");
        LedgerEventConsumer.Failing[refused] = true;
        await LedgerFixture.Client(host).RecordAsync(new Ledger.V1.RecordRequest { Subject = refused });
        var fine = await LedgerFixture.RecordAsync(host, 2);
        await LedgerFixture.AllAppliedOnceAsync(host, fine, TimeSpan.FromSeconds(30));

        var audit = new AuditTrail.AuditTrailClient(host.ChannelAs(HotlineRoles.Administrator));
        var letter = await Eventually.Until(
            async () => (await audit.ListDeadLettersAsync(new ListDeadLettersRequest { Service = "ledger" })).DeadLetters.SingleOrDefault(l => l.Body.Contains(refused, StringComparison.Ordinal)),
            l => l is not null, TimeSpan.FromSeconds(30), "the refused message dead-lettered");
        Assert.Equal(2, letter!.Attempts);
        Assert.Contains("refuses", letter.LastError);
        Assert.Equal(0, (await LedgerFixture.AppliedAsync(host, [refused]))[refused]);

        var agent = new AuditTrail.AuditTrailClient(host.ChannelAs(HotlineRoles.Agent, "CS"));
        var denied = await Assert.ThrowsAsync<RpcException>(() => agent.ReplayDeadLetterAsync(new ReplayDeadLetterRequest { Service = "ledger", MessageId = letter.MessageId }).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
        var bad = await Assert.ThrowsAsync<RpcException>(() => audit.ReplayDeadLetterAsync(new ReplayDeadLetterRequest { Service = "nope", MessageId = "x" }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, bad.StatusCode);
        Assert.Contains("service", bad.Status.Detail);
        Assert.Contains("message_id", bad.Status.Detail);

        LedgerEventConsumer.Failing.TryRemove(refused, out _);
        await audit.ReplayDeadLetterAsync(new ReplayDeadLetterRequest { Service = "ledger", MessageId = letter.MessageId });

        await LedgerFixture.AllAppliedOnceAsync(host, [refused], TimeSpan.FromSeconds(30));
        Assert.DoesNotContain((await audit.ListDeadLettersAsync(new ListDeadLettersRequest())).DeadLetters, l => l.MessageId == letter.MessageId);
        var replays = await audit.ListAuditEntriesAsync(new ListAuditEntriesRequest { Service = "ledger", Action = "outbox.replay-dead-letter" });
        Assert.Equal(letter.MessageId, Assert.Single(replays.Entries).SubjectId);
        var notFound = await Assert.ThrowsAsync<RpcException>(() => audit.ReplayDeadLetterAsync(new ReplayDeadLetterRequest { Service = "ledger", MessageId = letter.MessageId }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, notFound.StatusCode);
    }

    [Fact]
    public async Task Two_relays_on_one_file_never_publish_the_same_rows_while_publishing_outlasts_the_lease()
    {
        var data = NewDataDirectory();
        var settings = new KeyValuePair<string, string?>[] { new("Outbox:LeaseDuration", "00:00:01") };
        void Slow(Microsoft.AspNetCore.Builder.WebApplicationBuilder b) => b.Services.AddPublishObserver<SlowPublishes>();
        await using var first = await TestHost.StartAsync([new LedgerModule()], settings, Slow, data);
        await using var second = await TestHost.StartAsync([new LedgerModule()], settings, Slow, data);

        // One aggregate: published one after another, 20 x 150 ms, three times the lease.
        var aggregate = Guid.NewGuid().ToString("N");
        var subjects = await LedgerFixture.RecordAsync(first, 20, aggregate);
        await LedgerFixture.AllAppliedOnceAsync(first, subjects, TimeSpan.FromSeconds(60));
        await Task.Delay(1500);

        var db = first.Services.GetRequiredService<LedgerDatabase>();
        await using var connection = await db.OpenAsync();
        var ids = (await connection.QueryAsync<Guid>("SELECT message_id FROM outbox_messages WHERE aggregate_id = @Aggregate", new { Aggregate = aggregate })).ToList();
        Assert.Equal(20, ids.Count);
        Assert.All(ids, id => Assert.Equal(1, SlowPublishes.Count.GetValueOrDefault(id)));
    }

    private sealed class SlowPublishes : IPublishObserver
    {
        public static readonly ConcurrentDictionary<Guid, int> Count = new();

        public async Task PrePublish<T>(PublishContext<T> context) where T : class
        {
            await Task.Delay(150);
            if (context.MessageId is { } id) Count.AddOrUpdate(id, 1, (_, n) => n + 1);
        }

        public Task PostPublish<T>(PublishContext<T> context) where T : class => Task.CompletedTask;
        public Task PublishFault<T>(PublishContext<T> context, Exception exception) where T : class => Task.CompletedTask;
    }

    private static async Task<Guid> InsertRawAsync(ServiceDatabase db, string aggregate, string type, string body)
    {
        var id = Guid.NewGuid();
        await using var unit = await db.BeginAsync();
        await unit.ExecuteAsync(FoundationSql.InsertOutbox, new
        {
            MessageId = id, AggregateId = aggregate, MessageType = type, Body = body, TraceParent = (string?)null, TraceState = (string?)null, CreatedAt = unit.Now,
        });
        await unit.CommitAsync();
        db.OutboxSignal.Notify();
        return id;
    }

    private static string NewDataDirectory()
    {
        var path = Path.Combine(Path.GetTempPath(), "tclhotline-durable-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }
}
