using System.Collections.Concurrent;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using TclHotline.ServiceDefaults.Outbox;

namespace TclHotline.ServiceDefaults.Database;

/// <summary>
/// One service's own database. Each service declares a sealed subclass (e.g. <c>IntakeDatabase</c>) so
/// that, inside the standalone host, every module still resolves its own database by type. Its migration
/// scripts are the SQL files embedded in the subclass's assembly under Migrations/&lt;Dialect&gt;/.
/// </summary>
public abstract class ServiceDatabase : IDisposable
{
    /// <summary>One write turn per SQLite file in this process, shared by every instance that opens the file.</summary>
    private static readonly ConcurrentDictionary<string, WriteGate> WriteTurns = new(StringComparer.Ordinal);

    /// <summary>SQLite connections (pooled, reused across opens) whose settings are made, with the busy timeout they got; forgotten with them.</summary>
    private static readonly ConditionalWeakTable<SQLitePCL.sqlite3, StrongBox<int>> Configured = new();

    private readonly int _busyTimeoutMs;
    private readonly int _groupCommitMaxUnits;
    private readonly int _statementCacheSize;
    private readonly WriteGate? _writeTurn;

    /// <summary>The SQLite writer connection with its prepared statements, while no write group holds it.</summary>
    private PreparedStatements? _idleWriter;
    private volatile bool _disposed;

    protected ServiceDatabase(string service, DatabaseSettings settings, TimeProvider time)
    {
        DapperTypeHandlers.Register();
        Service = service;
        Dialect = settings.Dialect;
        ConnectionString = settings.ConnectionStringFor(service);
        Time = time;
        _busyTimeoutMs = settings.SqliteBusyTimeoutMs;
        _groupCommitMaxUnits = settings.SqliteGroupCommitMaxUnits;
        _statementCacheSize = settings.SqliteStatementCacheSize;
        _writeTurn = Dialect == SqlDialect.Sqlite ? WriteTurns.GetOrAdd(SqliteFile(ConnectionString), _ => new WriteGate()) : null;
    }

    public string Service { get; }
    public SqlDialect Dialect { get; }
    public string ConnectionString { get; }
    public TimeProvider Time { get; }

    /// <summary>Woken after every commit that wrote outbox rows, so the relay publishes without waiting for its poll.</summary>
    public OutboxSignal OutboxSignal { get; } = new();

    private static string SqliteFile(string connectionString) =>
        Path.GetFullPath(new SqliteConnectionStringBuilder(connectionString).DataSource);

    public async Task<DbConnection> OpenAsync(CancellationToken ct = default)
    {
        DbConnection connection = Dialect == SqlDialect.Sqlite
            ? new SqliteConnection(ConnectionString)
            : new SqlConnection(ConnectionString);
        try
        {
            await connection.OpenAsync(ct);
            if (connection is SqliteConnection sqlite && !(Configured.TryGetValue(sqlite.Handle!, out var made) && made.Value == _busyTimeoutMs))
            {
                // Per connection: wait for other writers (other processes share the file) instead of failing at once.
                // Once per SQLite connection, not per open: the pool hands the same connection out again with its
                // settings, and three statements prepared on every open were a measurable share of a registration.
                using var pragma = sqlite.CreateCommand();
                pragma.CommandText = $"PRAGMA busy_timeout = {_busyTimeoutMs}; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;";
                await pragma.ExecuteNonQueryAsync(ct);
                Configured.AddOrUpdate(sqlite.Handle!, new StrongBox<int>(_busyTimeoutMs));
            }
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Opens a connection and a transaction. On SQLite this is BEGIN IMMEDIATE (Microsoft.Data.Sqlite's default),
    /// so writers never deadlock on a read-to-write upgrade. SQLite has one writer per file: writers in this
    /// process take turns in order on an async gate instead of polling the file lock with SQLite's sleeping busy
    /// handler; only writers in other processes meet the busy timeout. While writers are queued, the turn passes
    /// with the open transaction and the units commit together (<see cref="WriteGroup"/>, at most
    /// <c>Database:SqliteGroupCommitMaxUnits</c>); each is told it committed only after that commit.
    /// </summary>
    public async Task<UnitOfWork> BeginAsync(CancellationToken ct = default)
    {
        if (_writeTurn is null)
        {
            var own = await OpenAsync(ct);
            try
            {
                return new UnitOfWork(this, own, await own.BeginTransactionAsync(ct), group: null, ct);
            }
            catch
            {
                await own.DisposeAsync();
                throw;
            }
        }

        var (granted, group) = await _writeTurn.EnterAsync(_busyTimeoutMs, ct);
        if (!granted)
            throw new TimeoutException($"The {Service} database had no free write turn within {_busyTimeoutMs} ms (Database:SqliteBusyTimeoutMs).");
        if (group is null)
        {
            PreparedStatements? writer = null;
            try
            {
                writer = Interlocked.Exchange(ref _idleWriter, null) ?? new PreparedStatements((SqliteConnection)await OpenAsync(ct), _statementCacheSize);
                group = new WriteGroup(_writeTurn, writer, await writer.Inner.BeginTransactionAsync(ct), _groupCommitMaxUnits, KeepWriter);
            }
            catch
            {
                if (writer is not null) await writer.DisposeAsync();
                _writeTurn.Leave();
                throw;
            }
        }

        try
        {
            group.Join(ct);
        }
        catch
        {
            await group.RollbackUnitAsync(joined: false);
            throw;
        }

        return new UnitOfWork(this, group.Connection, group.Transaction, group, ct);
    }

    /// <summary>
    /// Takes the writer connection back from a group that ended, for the next group (its prepared statements with
    /// it); one that failed, or one more than the one kept, is closed.
    /// </summary>
    private void KeepWriter(PreparedStatements writer, bool reusable)
    {
        if (reusable && !_disposed && Interlocked.CompareExchange(ref _idleWriter, writer, null) is null) return;
        writer.Dispose();
    }

    /// <summary>Closes the kept writer connection (the host's container calls this when it stops).</summary>
    public void Dispose()
    {
        _disposed = true;
        Interlocked.Exchange(ref _idleWriter, null)?.Dispose();
        GC.SuppressFinalize(this);
    }
}
