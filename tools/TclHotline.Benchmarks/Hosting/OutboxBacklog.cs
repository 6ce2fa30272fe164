using Microsoft.Data.Sqlite;

namespace TclHotline.Benchmarks.Hosting;

/// <summary>Reads a service's SQLite file read-only, beside the running service (WAL lets both).</summary>
public static class OutboxBacklog
{
    /// <summary>Outbox rows not yet relayed to the bus.</summary>
    public static long Unsent(string dataDirectory, string service) =>
        Scalar(dataDirectory, service, "SELECT COUNT(*) FROM outbox_messages WHERE sent_at IS NULL");

    public static long Scalar(string dataDirectory, string service, string sql)
    {
        using var connection = ReadOnly(dataDirectory, service);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar() ?? 0L);
    }

    public static SqliteConnection ReadOnly(string dataDirectory, string service)
    {
        var connection = new SqliteConnection($"Data Source={Path.Combine(dataDirectory, service + ".db")};Mode=ReadOnly;Pooling=False;Default Timeout=30");
        connection.Open();
        return connection;
    }
}
