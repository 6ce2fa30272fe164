using System.Collections.Concurrent;
using System.Diagnostics;
using Dapper;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;
using TclHotline.Foundation.Tests.Ledger.V1;
using TclHotline.Foundation.Tests.Support;
using TclHotline.Messages.Sla;
using TclHotline.ServiceDefaults.Outbox;
using TclHotline.ServiceDefaults.Security;
using TclHotline.Testing;
using Xunit;

namespace TclHotline.Foundation.Tests.Functional;

public sealed class OutboxInMemoryTests
{
    [Fact]
    public async Task Every_message_delivered_twice_is_applied_once()
    {
        await using var host = await TestHost.StartAsync([new LedgerModule()], [new("Messaging:DuplicateDeliveries", "true")]);
        var subjects = await LedgerFixture.RecordAsync(host, 20);

        await LedgerFixture.AllAppliedOnceAsync(host, subjects, TimeSpan.FromSeconds(30));
        await Eventually.Until(() => Task.FromResult(subjects.All(s => LedgerEventConsumer.Deliveries.GetValueOrDefault(s) == 2)),
            TimeSpan.FromSeconds(10), "two deliveries of each event");
        var applied = await LedgerFixture.AppliedAsync(host, subjects);
        Assert.All(subjects, s => Assert.Equal(1, applied[s]));
    }

    [Fact]
    public async Task Events_written_together_get_sequences_in_list_order_and_the_relay_publishes_them_in_that_order()
    {
        await using var host = await TestHost.StartAsync([new LedgerModule()]);
        var published = new PublishedSubjects();
        using var observing = host.Services.GetRequiredService<IBus>().ConnectPublishObserver(published);
        var db = host.Services.GetRequiredService<LedgerDatabase>();
        var aggregate = Guid.NewGuid().ToString("N");
        var subjects = Enumerable.Range(0, 50).Select(i => $"{aggregate}-{i:D2}").ToList();
        var now = DateTimeOffset.UtcNow;

        // Two message types interleaved: each row is serialised as its own type.
        await using (var unit = await db.BeginAsync())
        {
            await unit.PublishManyAsync(subjects.Select((s, i) => new OutboxEvent(i % 2 == 0
                ? new DeadlineSet(LedgerGrpcService.Owner, s, "test", "CS", now, now.AddHours(1), now)
                : new DeadlineMet(LedgerGrpcService.Owner, s, "test", now), aggregate)).ToList());
            await unit.CommitAsync();
        }

        await using var connection = await db.OpenAsync();
        var rows = (await connection.QueryAsync<(string MessageType, string Body)>(
            "SELECT message_type, body FROM outbox_messages WHERE aggregate_id = @Aggregate ORDER BY sequence", new { Aggregate = aggregate })).ToList();
        Assert.Equal(subjects.Select((_, i) => (i % 2 == 0 ? typeof(DeadlineSet) : typeof(DeadlineMet)).FullName), rows.Select(r => r.MessageType));
        Assert.Equal(subjects, rows.Select(r => System.Text.Json.JsonDocument.Parse(r.Body).RootElement.GetProperty("subjectId").GetString()));

        await Eventually.Until(() => Task.FromResult(published.Of(aggregate).Count), n => n >= subjects.Count, TimeSpan.FromSeconds(15), "every event published");
        Assert.Equal(subjects, published.Of(aggregate));
        // Sent once the ledger's consumer has committed each (the in-memory bus keeps nothing across a crash).
        await Eventually.Until(() => LedgerFixture.PendingOutboxAsync(host), n => n == 0, TimeSpan.FromSeconds(15), "every row marked sent");
    }

    [Fact]
    public async Task A_relay_starts_its_rounds_on_a_fresh_lease_without_writing_it_again_and_renews_it_once_a_third_has_passed()
    {
        var offsetFile = Path.Combine(Path.GetTempPath(), "tclhotline-lease-clock-" + Guid.NewGuid().ToString("N"));
        try
        {
            await using var host = await TestHost.StartAsync([new LedgerModule()], [new("Outbox:LeaseDuration", "00:00:30")],
                clock: new TclHotline.ServiceDefaults.Time.ControlledClock(offsetFile));
            var db = host.Services.GetRequiredService<LedgerDatabase>();
            async Task<DateTimeOffset> PublishAndReadLeaseAsync()
            {
                await LedgerFixture.AllAppliedOnceAsync(host, await LedgerFixture.RecordAsync(host, 5), TimeSpan.FromSeconds(15));
                await Eventually.Until(() => LedgerFixture.PendingOutboxAsync(host), n => n == 0, TimeSpan.FromSeconds(15), "every row marked sent");
                await using var connection = await db.OpenAsync();
                return await connection.ExecuteScalarAsync<DateTimeOffset>("SELECT expires_at FROM outbox_relay_lease WHERE id = 1");
            }

            var first = await PublishAndReadLeaseAsync();
            var fresh = await PublishAndReadLeaseAsync(); // seconds later: well inside the first third of 30 s

            TclHotline.ServiceDefaults.Time.ControlledClock.Advance(offsetFile, TimeSpan.FromSeconds(15));
            await Task.Delay(TimeSpan.FromMilliseconds(200)); // the clock re-reads its offset file at most every 100 ms
            var later = await PublishAndReadLeaseAsync();

            Assert.Equal(first, fresh);
            Assert.True(later >= first + TimeSpan.FromSeconds(15), $"the lease was not renewed once a third had passed: {first:O} then {later:O}");
        }
        finally
        {
            File.Delete(offsetFile);
        }
    }

    /// <summary>The subjects of the Deadline messages the bus published, in publish order.</summary>
    private sealed class PublishedSubjects : IPublishObserver
    {
        private readonly ConcurrentQueue<string> _subjects = new();

        public List<string> Of(string aggregate) => _subjects.Where(s => s.StartsWith(aggregate, StringComparison.Ordinal)).ToList();

        public Task PrePublish<T>(PublishContext<T> context) where T : class => Task.CompletedTask;

        public Task PostPublish<T>(PublishContext<T> context) where T : class
        {
            switch (context.Message)
            {
                case DeadlineSet set: _subjects.Enqueue(set.SubjectId); break;
                case DeadlineMet met: _subjects.Enqueue(met.SubjectId); break;
            }
            return Task.CompletedTask;
        }

        public Task PublishFault<T>(PublishContext<T> context, Exception exception) where T : class => Task.CompletedTask;
    }

    [Fact]
    public async Task One_trace_runs_from_the_grpc_call_through_the_outbox_to_the_consumer()
    {
        var spans = new List<Activity>();
        await using var host = await TestHost.StartAsync([new LedgerModule()],
            configure: b => b.Services.ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(spans)));
        var subject = Guid.NewGuid().ToString("N");

        await LedgerFixture.Client(host).RecordAsync(new RecordRequest { Subject = subject });
        await LedgerFixture.AllAppliedOnceAsync(host, [subject], TimeSpan.FromSeconds(15));

        // The trace the gRPC server span started (or continued) is the one the consumer ran in.
        var traceId = LedgerEventConsumer.TraceIds[subject];
        Assert.False(string.IsNullOrEmpty(traceId));
        await Eventually.Until(() => Task.FromResult(SpansOf(spans, traceId!).Count(s => s.Source.Name == "MassTransit") >= 2),
            TimeSpan.FromSeconds(10), "publish and consume spans exported");
        var trace = SpansOf(spans, traceId!);
        var names = string.Join(" | ", trace.Select(s => $"{s.Source.Name}:{s.Kind}:{s.DisplayName}"));
        Assert.True(trace.Any(s => s.Source.Name == "Microsoft.AspNetCore" && s.DisplayName.Contains("Ledger/Record", StringComparison.Ordinal)), names);
        Assert.True(trace.Any(s => s.Source.Name == "TclHotline" && s.DisplayName == "outbox publish DeadlineSet"), names);
        Assert.True(trace.Any(s => s.Source.Name == "MassTransit" && s.Kind == ActivityKind.Consumer), names);
    }

    private static List<Activity> SpansOf(List<Activity> spans, string traceId)
    {
        lock (spans) return spans.Where(s => s.TraceId.ToString() == traceId).ToList();
    }

    [Fact]
    public async Task Readiness_reports_the_database_and_the_bus()
    {
        await using var host = await TestHost.StartAsync([new LedgerModule()]);
        var ready = await Eventually.Until(() => host.Http.GetAsync("/health/ready"), r => r.IsSuccessStatusCode, TimeSpan.FromSeconds(15));
        var body = await ready.Content.ReadAsStringAsync();
        Assert.Contains("LedgerDatabase", body);
        Assert.Contains("masstransit-bus", body);
        Assert.True((await host.Http.GetAsync("/health/live")).IsSuccessStatusCode);
    }

    [Fact]
    public async Task Migrations_run_once_and_are_journaled()
    {
        var data = Path.Combine(Path.GetTempPath(), "tclhotline-migrate-" + Guid.NewGuid().ToString("N"));
        long Journal()
        {
            using var c = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(data, "ledger.db")};Pooling=False");
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "SELECT COUNT(*) FROM schema_versions";
            return (long)cmd.ExecuteScalar()!;
        }

        await using (await TestHost.StartAsync([new LedgerModule()], dataDirectory: data)) { }
        var first = Journal();
        await using (await TestHost.StartAsync([new LedgerModule()], dataDirectory: data)) { }

        Assert.Equal(5, first); // the foundation's four scripts and the ledger's
        Assert.Equal(first, Journal());
    }
}
