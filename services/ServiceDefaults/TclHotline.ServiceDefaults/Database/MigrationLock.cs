using DbUp;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;

namespace TclHotline.ServiceDefaults.Database;

/// <summary>
/// Serialises migrations across processes: an exclusive lock file beside a SQLite database, an application
/// lock held by a session on SQL Server. Whoever comes second finds the scripts applied and does nothing.
/// </summary>
internal sealed class MigrationLock : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);
    private readonly IDisposable _held;

    private MigrationLock(IDisposable held) => _held = held;

    public void Dispose() => _held.Dispose();

    public static MigrationLock Take(ServiceDatabase db) =>
        new(db.Dialect == SqlDialect.Sqlite ? LockFile(db.ConnectionString) : AppLock(db.ConnectionString));

    private static FileStream LockFile(string connectionString)
    {
        var path = new SqliteConnectionStringBuilder(connectionString).DataSource + ".migrate.lock";
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            try { return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose); }
            catch (IOException) when (DateTime.UtcNow < deadline) { Thread.Sleep(100); }
        }
    }

    private static SqlConnection AppLock(string connectionString)
    {
        EnsureDatabase.For.SqlDatabase(connectionString);
        var connection = new SqlConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = MigrationLockSql.GetAppLock;
        command.Parameters.AddWithValue("@TimeoutMs", (int)Patience.TotalMilliseconds);
        var result = command.Parameters.Add("@Result", System.Data.SqlDbType.Int);
        result.Direction = System.Data.ParameterDirection.Output;
        command.ExecuteNonQuery();
        if ((int)result.Value < 0)
        {
            connection.Dispose();
            throw new InvalidOperationException($"Could not take the migration lock (sp_getapplock returned {result.Value}).");
        }
        return connection; // closing the session releases the lock
    }
}

public static class MigrationLockSql
{
    public const string GetAppLock = """
        EXEC @Result = sp_getapplock @Resource = N'tclhotline-migrations', @LockMode = N'Exclusive', @LockOwner = N'Session', @LockTimeout = @TimeoutMs
        """;
}
