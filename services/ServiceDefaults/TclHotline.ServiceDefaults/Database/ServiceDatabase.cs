using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using TclHotline.ServiceDefaults.Outbox;

namespace TclHotline.ServiceDefaults.Database;

/// <summary>
/// One service's own database. Each service declares a sealed subclass (e.g. <c>IntakeDatabase</c>) so
/// that, inside the standalone host, every module still resolves its own database by type. Its migration
/// scripts are the SQL files embedded in the subclass's assembly under Migrations/&lt;Dialect&gt;/.
/// </summary>
public abstract class ServiceDatabase
{
    /// <summary>One write turn per SQLite file in this process, shared by every instance that opens the file.</summary>
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> WriteTurns = new(StringComparer.Ordinal);

    private readonly int _busyTimeoutMs;
    private readonly SemaphoreSlim? _writeTurn;

    protected ServiceDatabase(string service, DatabaseSettings settings, TimeProvider time)
    {
        DapperTypeHandlers.Register();
        Service = service;
        Dialect = settings.Dialect;
        ConnectionString = settings.ConnectionStringFor(service);
        Time = time;
        _busyTimeoutMs = settings.SqliteBusyTimeoutMs;
        _writeTurn = Dialect == SqlDialect.Sqlite ? WriteTurns.GetOrAdd(SqliteFile(ConnectionString), _ => new SemaphoreSlim(1, 1)) : null;
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
            if (connection is SqliteConnection sqlite)
            {
                // Per connection: wait for other writers (other processes share the file) instead of failing at once.
                using var pragma = sqlite.CreateCommand();
                pragma.CommandText = $"PRAGMA busy_timeout = {_busyTimeoutMs}; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;";
                await pragma.ExecuteNonQueryAsync(ct);
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
    /// process take turns in order on an async gate, held until the unit is disposed, instead of polling the
    /// file lock with SQLite's sleeping busy handler; only writers in other processes meet the busy timeout.
    /// </summary>
    public async Task<UnitOfWork> BeginAsync(CancellationToken ct = default)
    {
        if (_writeTurn is not null && !await _writeTurn.WaitAsync(_busyTimeoutMs, ct))
            throw new TimeoutException($"The {Service} database had no free write turn within {_busyTimeoutMs} ms (Database:SqliteBusyTimeoutMs).");
        DbConnection? connection = null;
        try
        {
            connection = await OpenAsync(ct);
            var transaction = await connection.BeginTransactionAsync(ct);
            return new UnitOfWork(this, connection, transaction, _writeTurn, ct);
        }
        catch
        {
            if (connection is not null) await connection.DisposeAsync();
            _writeTurn?.Release();
            throw;
        }
    }
}
