using Dapper;
using Microsoft.Extensions.Configuration;
using TclHotline.Foundation.Tests.Support;
using TclHotline.ServiceDefaults.Database;
using Xunit;

namespace TclHotline.Foundation.Tests.Functional;

/// <summary>
/// SQLite has one writer per file. Units of work on one file in one process take turns on an in-process
/// gate (in order, no sleeping busy handler); the turn is held from BeginAsync to commit or dispose. While
/// writers queue, the turn passes on with the open transaction and the units commit together (group commit).
/// </summary>
public sealed class WriteTurnTests : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "tclhotline-turns-" + Guid.NewGuid().ToString("N"));

    public async Task InitializeAsync()
    {
        await using var unit = await Database().BeginAsync();
        await unit.ExecuteAsync("CREATE TABLE counter (id INTEGER PRIMARY KEY, value INTEGER NOT NULL)");
        await unit.ExecuteAsync("INSERT INTO counter (id, value) VALUES (1, 0)");
        await unit.ExecuteAsync("CREATE TABLE entries (name TEXT PRIMARY KEY)");
        await unit.CommitAsync();
    }

    public Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Concurrent_read_modify_write_units_on_one_file_all_commit_and_lose_no_update()
    {
        var db = Database();
        await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => Task.Run(async () =>
        {
            await using var unit = await db.BeginAsync();
            var value = await unit.ExecuteScalarAsync<long>("SELECT value FROM counter WHERE id = 1");
            await Task.Yield(); // another writer would get in here, were the turn not held
            await unit.ExecuteAsync("UPDATE counter SET value = @Value WHERE id = 1", new { Value = value + 1 });
            await unit.CommitAsync();
        })));

        Assert.Equal(40, await CounterAsync(db));
    }

    [Fact]
    public async Task A_writer_that_gets_no_turn_within_the_busy_timeout_fails_naming_the_setting()
    {
        var db = Database(busyTimeoutMs: 300);
        await using var holder = await db.BeginAsync();

        var error = await Assert.ThrowsAsync<TimeoutException>(() => db.BeginAsync());

        Assert.Contains("Database:SqliteBusyTimeoutMs", error.Message);
        Assert.Contains("ledger", error.Message);
    }

    [Fact]
    public async Task The_turn_passes_on_after_commit_and_after_a_rollback()
    {
        var db = Database(busyTimeoutMs: 2000);
        var first = await db.BeginAsync();
        var waiting = db.BeginAsync();
        await Task.Delay(100);
        Assert.False(waiting.IsCompleted, "a second writer began while the first held the turn");

        await first.ExecuteAsync("UPDATE counter SET value = 7 WHERE id = 1");
        await first.DisposeAsync(); // no commit: rolled back, turn released
        await using (var second = await waiting)
        {
            Assert.Equal(0, await second.ExecuteScalarAsync<long>("SELECT value FROM counter WHERE id = 1"));
            await second.ExecuteAsync("UPDATE counter SET value = 8 WHERE id = 1");
            await second.CommitAsync();
            // Committed: the next writer need not wait for this unit's disposal.
            await using var third = await db.BeginAsync();
            await third.CommitAsync();
        }

        Assert.Equal(8, await CounterAsync(db));
    }

    [Fact]
    public async Task Instances_on_the_same_file_share_one_turn()
    {
        var one = Database(busyTimeoutMs: 300);
        var other = Database(busyTimeoutMs: 300);
        await using var holder = await one.BeginAsync();

        await Assert.ThrowsAsync<TimeoutException>(() => other.BeginAsync());
    }

    [Fact]
    public async Task A_cancelled_wait_for_the_turn_does_not_keep_it()
    {
        var db = Database(busyTimeoutMs: 5000);
        var holder = await db.BeginAsync();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => db.BeginAsync(cancel.Token));
        await holder.DisposeAsync();

        await using var next = await db.BeginAsync(); // would wait 5 s and fail, had the cancelled wait taken the turn
        await next.CommitAsync();
    }

    [Fact]
    public async Task Queued_units_share_one_commit_and_each_is_told_it_committed_only_after_that_commit()
    {
        var db = Database(busyTimeoutMs: 5000);
        var holder = await db.BeginAsync();
        await holder.ExecuteAsync("INSERT INTO entries (name) VALUES ('first')");
        var secondMayCommit = new TaskCompletionSource();
        var second = Task.Run(async () =>
        {
            await using var unit = await db.BeginAsync();
            await unit.ExecuteAsync("INSERT INTO entries (name) VALUES ('second')");
            await secondMayCommit.Task;
            await unit.CommitAsync();
        });
        await Task.Delay(200); // the second unit queues for the turn

        var firstCommit = holder.CommitAsync();
        await Task.Delay(200);
        Assert.False(firstCommit.IsCompleted, "the first unit was told it committed before its group's commit");
        Assert.Empty(await EntriesAsync(db)); // nothing of either unit is visible to other connections yet

        secondMayCommit.SetResult();
        await Task.WhenAll(firstCommit, second);
        await holder.DisposeAsync();
        Assert.Equal(["first", "second"], await EntriesAsync(db));
    }

    [Fact]
    public async Task A_unit_rolled_back_inside_a_group_leaves_the_other_units_work_committed()
    {
        var db = Database(busyTimeoutMs: 5000);
        var holder = await db.BeginAsync();
        await holder.ExecuteAsync("INSERT INTO entries (name) VALUES ('kept-1')");
        var rolledBack = Task.Run(async () =>
        {
            await using var unit = await db.BeginAsync();
            await unit.ExecuteAsync("INSERT INTO entries (name) VALUES ('undone')");
            await unit.ExecuteAsync("UPDATE counter SET value = 99 WHERE id = 1");
        });
        await Task.Delay(200);
        var kept = Task.Run(async () =>
        {
            await using var unit = await db.BeginAsync();
            await unit.ExecuteAsync("INSERT INTO entries (name) VALUES ('kept-2')");
            await unit.CommitAsync();
        });
        await Task.Delay(200); // both queue behind the holder, in this order

        await holder.CommitAsync();
        await Task.WhenAll(rolledBack, kept);
        await holder.DisposeAsync();

        Assert.Equal(["kept-1", "kept-2"], await EntriesAsync(db));
        Assert.Equal(0, await CounterAsync(db));
    }

    private static async Task<string[]> EntriesAsync(ServiceDatabase db)
    {
        await using var connection = await db.OpenAsync();
        return [.. await connection.QueryAsync<string>("SELECT name FROM entries ORDER BY name")];
    }

    private LedgerDatabase Database(int busyTimeoutMs = 15000) => new(new DatabaseSettings(new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:DataDirectory"] = _directory,
            ["Database:SqliteBusyTimeoutMs"] = busyTimeoutMs.ToString(),
        }).Build()), TimeProvider.System);

    private static async Task<long> CounterAsync(ServiceDatabase db)
    {
        await using var connection = await db.OpenAsync();
        return await connection.ExecuteScalarAsync<long>("SELECT value FROM counter WHERE id = 1");
    }
}
