using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using SQLitePCL;
using TclHotline.Foundation.Tests.Support;
using TclHotline.ServiceDefaults.Database;
using Xunit;

namespace TclHotline.Foundation.Tests.Functional;

/// <summary>
/// The SQLite writer connection keeps every statement it ran prepared for the next unit of work
/// (<c>Database:SqliteStatementCacheSize</c>), instead of compiling it again for each Dapper call; what a statement
/// does must not change because it was kept.
/// </summary>
public sealed class PreparedStatementTests : IAsyncLifetime
{
    /// <summary>SQLITE_STMTSTATUS_RUN: how many times a prepared statement has run (SQLitePCL.raw has no name for it).</summary>
    private const int StatementRuns = 6;

    private const string Insert = "INSERT INTO entries (name, size) VALUES (@Name, @Size)";
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "tclhotline-statements-" + Guid.NewGuid().ToString("N"));

    public async Task InitializeAsync()
    {
        using var db = Database();
        await using var unit = await db.BeginAsync();
        await unit.ExecuteAsync("CREATE TABLE entries (name TEXT PRIMARY KEY, size INTEGER NOT NULL)");
        await unit.CommitAsync();
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_statement_run_by_two_units_one_after_the_other_is_prepared_once()
    {
        using var db = Database();
        await CommitAsync(db, unit => Track(unit).ExecuteAsync(Insert, new { Name = "first", Size = 1 }));
        await CommitAsync(db, unit => unit.ExecuteAsync(Insert, new { Name = "second", Size = 2 }));

        await using var third = await db.BeginAsync();
        Assert.Equal(2, Runs(third, Insert));
        Assert.Equal([("first", 1L), ("second", 2L)], await EntriesAsync(db));
    }

    [Fact]
    public async Task With_a_statement_cache_of_zero_every_run_prepares_its_statement_afresh()
    {
        using var db = Database(statementCacheSize: 0);
        await CommitAsync(db, unit => Track(unit).ExecuteAsync(Insert, new { Name = "first", Size = 1 }));
        await CommitAsync(db, unit => unit.ExecuteAsync(Insert, new { Name = "second", Size = 2 }));

        await using var third = await db.BeginAsync();
        Assert.Equal(0, Runs(third, Insert));
        Assert.Equal(2, (await EntriesAsync(db)).Length);
    }

    [Fact]
    public async Task A_full_cache_makes_room_for_a_new_statement_by_forgetting_the_one_run_least_recently()
    {
        const string countA = "SELECT count(*) FROM entries WHERE size = 1";
        const string countB = "SELECT count(*) FROM entries WHERE size = 2";
        const string countC = "SELECT count(*) FROM entries WHERE size = 3";
        using var db = Database(statementCacheSize: 2);
        await CommitAsync(db, async unit =>
        {
            Track(unit);
            foreach (var sql in new[] { countA, countB, countA, countC, countA })
                await unit.ExecuteScalarAsync<long>(sql);

            Assert.Equal(3, Runs(unit, countA));
            Assert.Equal(0, Runs(unit, countB));
            Assert.Equal(1, Runs(unit, countC));
        });
    }

    [Fact]
    public async Task A_kept_statement_runs_with_each_callers_own_parameters_and_several_rows_at_once()
    {
        using var db = Database();
        await CommitAsync(db, unit => unit.ExecuteAsync(Insert, new[] { new { Name = "a", Size = 1 }, new { Name = "b", Size = 2 } }));
        await CommitAsync(db, async unit =>
        {
            await unit.ExecuteAsync(Insert, new { Name = "c", Size = 3 });
            Assert.Equal(2, await unit.ExecuteScalarAsync<long>("SELECT size FROM entries WHERE name = @Name", new { Name = "b" }));
            Assert.Equal(3, await unit.ExecuteScalarAsync<long>("SELECT size FROM entries WHERE name = @Name", new { Name = "c" }));
            Assert.Equal(0, await unit.ExecuteScalarAsync<long>("SELECT count(*) FROM entries WHERE name = @Name", new { Name = "zz" }));
        });

        Assert.Equal([("a", 1L), ("b", 2L), ("c", 3L)], await EntriesAsync(db));
    }

    [Fact]
    public async Task A_statement_that_failed_is_prepared_afresh_and_the_next_unit_using_it_commits()
    {
        using var db = Database();
        await CommitAsync(db, unit => unit.ExecuteAsync(Insert, new { Name = "taken", Size = 1 }));

        await using (var failing = await db.BeginAsync())
        {
            await Assert.ThrowsAsync<SqliteException>(() => failing.ExecuteAsync(Insert, new { Name = "taken", Size = 2 }));
        }

        await CommitAsync(db, unit => unit.ExecuteAsync(Insert, new { Name = "free", Size = 3 }));
        Assert.Equal([("free", 3L), ("taken", 1L)], await EntriesAsync(db));
    }

    [Fact]
    public async Task A_query_run_again_while_its_first_reader_is_still_open_reads_the_same_rows()
    {
        using var db = Database();
        await CommitAsync(db, unit => unit.ExecuteAsync(Insert, new[] { new { Name = "a", Size = 1 }, new { Name = "b", Size = 2 } }));
        const string select = "SELECT name FROM entries ORDER BY name";

        await using var unit = await db.BeginAsync();
        await using var outer = await unit.Connection.ExecuteReaderAsync(select, transaction: unit.Transaction);
        var seen = new List<string>();
        while (await outer.ReadAsync())
            seen.Add(outer.GetString(0) + ":" + string.Join(",", await unit.QueryAsync<string>(select)));

        Assert.Equal(["a:a,b", "b:a,b"], seen);
    }

    [Fact]
    public async Task Units_grouped_in_one_commit_share_the_kept_statements()
    {
        using var db = Database();
        await CommitAsync(db, unit => { Track(unit); return Task.CompletedTask; });
        await Task.WhenAll(Enumerable.Range(0, 30).Select(i => Task.Run(() =>
            CommitAsync(db, unit => unit.ExecuteAsync(Insert, new { Name = $"n{i:00}", Size = i })))));

        await using var unit = await db.BeginAsync();
        Assert.Equal(30, Runs(unit, Insert));
        Assert.Equal(Enumerable.Range(0, 30).Sum(), (await EntriesAsync(db)).Sum(e => e.Size));
    }

    /// <summary>Lets <see cref="Runs"/> list the statements the unit's connection prepares from now on.</summary>
    private static UnitOfWork Track(UnitOfWork unit)
    {
        ((SqliteTransaction)unit.Transaction).Connection!.Handle!.enable_sqlite3_next_stmt(true);
        return unit;
    }

    /// <summary>How often the writer connection's kept statement for <paramref name="sql"/> has run (0: none kept).</summary>
    private static int Runs(UnitOfWork unit, string sql)
    {
        var handle = ((SqliteTransaction)unit.Transaction).Connection!.Handle!;
        for (var stmt = raw.sqlite3_next_stmt(handle, null); stmt is not null && !stmt.IsInvalid; stmt = raw.sqlite3_next_stmt(handle, stmt))
        {
            if (raw.sqlite3_sql(stmt).utf8_to_string() == sql)
                return raw.sqlite3_stmt_status(stmt, StatementRuns, 0);
        }

        return 0;
    }

    private static async Task CommitAsync(ServiceDatabase db, Func<UnitOfWork, Task> work)
    {
        await using var unit = await db.BeginAsync();
        await work(unit);
        await unit.CommitAsync();
    }

    private static async Task<(string Name, long Size)[]> EntriesAsync(ServiceDatabase db)
    {
        await using var connection = await db.OpenAsync();
        return [.. await connection.QueryAsync<(string, long)>("SELECT name, size FROM entries ORDER BY name")];
    }

    private LedgerDatabase Database(int? statementCacheSize = null) => new(new DatabaseSettings(new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:DataDirectory"] = _directory,
            ["Database:SqliteStatementCacheSize"] = statementCacheSize?.ToString(),
        }).Build()), TimeProvider.System);
}
