using Microsoft.Data.Sqlite;

namespace TclHotline.EndToEnd.Tests.Harness;

/// <summary>
/// Read-only counts from a service's SQLite file, for what no API counts (e.g. the SLA timer's deadlines),
/// and the database-lock fault: another process's exclusive transaction held on the file.
/// </summary>
public static class ServiceFiles
{
    public static string DatabaseFile(SystemUnderTest system, string service, string database) =>
        Path.Combine(system.DataDirectory(service), database + ".db");

    public static async Task<long> CountAsync(string file, string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = file,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
            DefaultTimeout = 30,
        }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA busy_timeout = 30000;";
        await command.ExecuteNonQueryAsync();
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    /// <summary>Holds <c>BEGIN EXCLUSIVE</c> on the file for <paramref name="span"/>: no one else reads or writes meanwhile.</summary>
    public static async Task HoldExclusiveLockAsync(string file, TimeSpan span)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false, DefaultTimeout = 30 }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA busy_timeout = 30000; BEGIN EXCLUSIVE;";
        await command.ExecuteNonQueryAsync();
        await Task.Delay(span);
        command.CommandText = "ROLLBACK;";
        await command.ExecuteNonQueryAsync();
    }
}
