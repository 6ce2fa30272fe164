using System.Diagnostics;
using OpenTelemetry.Trace;
using TclHotline.Foundation.Tests.Ledger;
using TclHotline.Foundation.Tests.Ledger.V1;
using TclHotline.ServiceDefaults.Security;
using TclHotline.Testing;
using Xunit;

namespace TclHotline.Foundation.Tests;

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

        Assert.Equal(3, first); // the foundation's two scripts and the ledger's
        Assert.Equal(first, Journal());
    }
}

public sealed class MigrationLockTests
{
    [Fact]
    public async Task Hosts_starting_together_on_one_database_end_with_one_migration_journal()
    {
        var data = Path.Combine(Path.GetTempPath(), "tclhotline-migrate-race-" + Guid.NewGuid().ToString("N"));
        // Each on its own thread (host creation migrates synchronously). In one process this does not reproduce the
        // cross-process CREATE TABLE race MigrationLock prevents; that race was seen with deploy/local/start.sh.
        var hosts = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => TestHost.StartAsync([new LedgerModule()], dataDirectory: data))));
        try
        {
            using var c = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(data, "ledger.db")};Pooling=False");
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "SELECT COUNT(*) FROM schema_versions";
            Assert.Equal(3L, (long)cmd.ExecuteScalar()!);
        }
        finally
        {
            foreach (var host in hosts) await host.DisposeAsync();
        }
    }
}
