using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TclHotline.Messages.Sla;
using TclHotline.ServiceDefaults.Database;
using TclHotline.ServiceDefaults.Feeds;
using TclHotline.Sla.Application;
using TclHotline.Sla.Domain;
using TclHotline.Sla.Tests.Support;
using TclHotline.Testing;

namespace TclHotline.Sla.Tests.Functional;

/// <summary>
/// Scanners over one real SQLite file with a real clock: several instances fire every deadline exactly
/// once, and a stopped or dead instance loses nothing.
/// </summary>
public sealed class ScannerSharingTests : IAsyncDisposable
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "tclhotline-sla-shared-" + Guid.NewGuid().ToString("N"));

    // Each host starts in its own async flow: MassTransit keeps its log context in an AsyncLocal,
    // which would carry one host's logger factory into the next (and outlive its disposal).
    private Task<TestHost> StartAsync(params KeyValuePair<string, string?>[] settings) =>
        Task.Run(() => TestHost.StartAsync([new SlaModule()], settings, dataDirectory: _dataDirectory));

    [Fact]
    public async Task Two_scanners_sharing_one_database_fire_five_thousand_deadlines_exactly_once()
    {
        const int count = 5000;
        KeyValuePair<string, string?> buffer = new("Sla:WatchBufferSize", "20000");
        await using var first = await StartAsync(buffer);
        await using var second = await StartAsync(buffer);
        var firedBy = new ConcurrentDictionary<string, int>();
        using var watchFirst = Watch(first, "first", firedBy);
        using var watchSecond = Watch(second, "second", firedBy);

        // Due after both scanners have looked again (MaxSleep, 1 s) since the rows were stored (storing 5,000 took up
        // to 3 s on a loaded 2-core box): both then sleep until the same due instant and claim in turns. Rows already
        // due when stored are found by whichever scanner's bounded sleep ends first, and that one can fire all
        // 5,000 before the other wakes.
        var subjects = await first.SeedAsync("SO-SHARED", count, DateTimeOffset.UtcNow.AddSeconds(6));
        await Eventually.Until(() => first.OutboxCount<DeadlineBreached>(), n => n >= count, TimeSpan.FromSeconds(60), "5,000 breaches");
        await Task.Delay(TimeSpan.FromSeconds(1)); // room for a duplicate to be written, were there one

        var breached = await BreachedSubjects(first);
        Assert.Equal(count, breached.Count);
        Assert.Equal(subjects.Order(), breached.Order());
        Assert.Equal(2 * count, (await first.OutboxBodies<DeadlineWarned>()).Count);
        Assert.True(firedBy.GetValueOrDefault("first") > 0 && firedBy.GetValueOrDefault("second") > 0, $"both instances should share the work: {string.Join(", ", firedBy)}");
        Assert.Equal(count, firedBy.Values.Sum());
    }

    [Fact]
    public async Task A_scanner_stopped_mid_run_and_restarted_loses_none_and_doubles_none()
    {
        // Hundreds of rounds, so the stop lands mid-run even when a round takes a few milliseconds.
        const int count = 4000;
        KeyValuePair<string, string?> smallBatches = new("Sla:ScanBatchSize", "10");
        var first = await StartAsync(smallBatches);
        var subjects = await first.SeedAsync("SO-STOPPED", count, DateTimeOffset.UtcNow);
        await Eventually.Until(() => first.OutboxCount<DeadlineBreached>(), n => n > 0, TimeSpan.FromSeconds(30), "the first breaches");
        await Task.Run(async () => await first.DisposeAsync());
        var firedBeforeStop = (await BreachSequencesAsync()).Count;

        await using var second = await StartAsync(smallBatches);
        await Eventually.Until(() => second.OutboxCount<DeadlineBreached>(), n => n >= count, TimeSpan.FromSeconds(60), "every breach after the restart");
        await Task.Delay(TimeSpan.FromSeconds(1));

        Assert.InRange(firedBeforeStop, 1, count - 1); // it really stopped mid-run
        var breached = await BreachedSubjects(second);
        Assert.Equal(count, breached.Count);
        Assert.Equal(subjects.Order(), breached.Order());
    }

    [Fact]
    public async Task A_claim_whose_holder_died_is_taken_over_after_its_lease_and_fires_once()
    {
        const int count = 100;
        var lease = TimeSpan.FromSeconds(3);
        await using var host = await StartAsync();
        var claimedUntil = DateTimeOffset.UtcNow + lease;

        // Stored already claimed by an instance that then "died" (never fires, never releases).
        var subjects = await host.SeedAsync("SO-ORPHANED", count, DateTimeOffset.UtcNow, unit => unit.ExecuteAsync(
            "UPDATE deadlines SET claimed_by = 'dead-instance', claimed_until = @Until WHERE subject_id LIKE 'SO-ORPHANED-%'",
            new { Until = claimedUntil }));
        await Task.Delay(lease / 2);
        var whileHeld = await host.OutboxCount<DeadlineBreached>();
        await Eventually.Until(() => host.OutboxCount<DeadlineBreached>(), n => n >= count, TimeSpan.FromSeconds(15), "the orphaned claims fired");
        var takenOverAt = DateTimeOffset.UtcNow;
        await Task.Delay(TimeSpan.FromMilliseconds(500));

        Assert.Equal(0, whileHeld);
        Assert.True(takenOverAt >= claimedUntil, "fired before the dead holder's lease ran out");
        Assert.Equal(subjects.Order(), (await BreachedSubjects(host)).Order());
    }

    private static LiveSubscription<SlaNotice> Watch(TestHost host, string name, ConcurrentDictionary<string, int> firedBy)
    {
        var subscription = host.Services.GetRequiredService<LiveFeed<SlaNotice>>()
            .Subscribe(null, host.Services.GetRequiredService<IOptions<SlaOptions>>().Value.WatchBufferSize);
        _ = Task.Run(async () =>
        {
            await foreach (var notice in subscription.Items.ReadAllAsync())
            {
                if (notice.Breach is not null)
                {
                    firedBy.AddOrUpdate(name, 1, (_, n) => n + 1);
                }
            }
        });
        return subscription;
    }

    private static async Task<IReadOnlyList<string>> BreachedSubjects(TestHost host) =>
        (await host.OutboxBodies<DeadlineBreached>()).Select(b => ScannerFiringTests.Read<DeadlineBreached>(b).SubjectId).ToList();

    /// <summary>Reads the shared file directly, for when no host is running.</summary>
    private async Task<IReadOnlyList<long>> BreachSequencesAsync()
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(_dataDirectory, "sla.db")};Pooling=False");
        await connection.OpenAsync();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT sequence FROM outbox_messages WHERE message_type = $type";
        command.Parameters.AddWithValue("$type", typeof(DeadlineBreached).FullName);
        var sequences = new List<long>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            sequences.Add(reader.GetInt64(0));
        }

        return sequences;
    }

    public ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }

        return ValueTask.CompletedTask;
    }
}
