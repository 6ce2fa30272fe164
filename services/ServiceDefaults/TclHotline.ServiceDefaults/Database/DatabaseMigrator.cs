using System.Reflection;
using DbUp;
using DbUp.Builder;
using DbUp.Engine;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace TclHotline.ServiceDefaults.Database;

/// <summary>
/// Applies the numbered scripts at start-up with DbUp: first the foundation's (outbox, inbox, idempotency),
/// then the service's own, each from Migrations/&lt;Sqlite|SqlServer&gt;/, journaled in the service's
/// <c>schema_versions</c> table. An applied script is never edited; a change is a new number.
/// </summary>
public static class DatabaseMigrator
{
    public const string JournalTable = "schema_versions";

    public static void Migrate(ServiceDatabase db, ILogger logger)
    {
        var folder = $".Migrations.{db.Dialect}.";
        bool IsOurs(string name) => name.Contains(folder, StringComparison.Ordinal) && name.EndsWith(".sql", StringComparison.Ordinal);
        var foundation = typeof(DatabaseMigrator).Assembly;
        var service = db.GetType().Assembly;

        // Several instances of a service may start together on one database: one migrates, the others wait.
        using var exclusive = MigrationLock.Take(db);
        UpgradeEngineBuilder builder;
        if (db.Dialect == SqlDialect.Sqlite)
        {
            EnableWriteAheadLog(db.ConnectionString);
            builder = DeployChanges.To.SqliteDatabase(db.ConnectionString).JournalToSqliteTable(JournalTable);
        }
        else
        {
            builder = DeployChanges.To.SqlDatabase(db.ConnectionString).JournalToSqlTable("dbo", JournalTable);
        }

        builder = builder
            .WithScriptsEmbeddedInAssembly(foundation, IsOurs, new DbUp.Engine.SqlScriptOptions { RunGroupOrder = 0 })
            .WithTransactionPerScript()
            .WithVariablesDisabled()
            .LogTo(new DbUpLog(logger));
        if (service != foundation)
            builder = builder.WithScriptsEmbeddedInAssembly(service, IsOurs, new DbUp.Engine.SqlScriptOptions { RunGroupOrder = 1 });

        var result = builder.Build().PerformUpgrade();
        if (!result.Successful)
            throw new InvalidOperationException($"Migrating the {db.Service} database failed at {result.ErrorScript?.Name}.", result.Error);
    }

    /// <summary>WAL lets readers run beside the writer and several processes share a service's file. It is persistent.</summary>
    private static void EnableWriteAheadLog(string connectionString)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode = WAL;";
        command.ExecuteNonQuery();
    }

    public static IReadOnlyList<(string Name, string Sql)> Scripts(Assembly assembly, SqlDialect dialect)
    {
        var folder = $".Migrations.{dialect}.";
        return assembly.GetManifestResourceNames()
            .Where(n => n.Contains(folder, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n =>
            {
                using var stream = assembly.GetManifestResourceStream(n)!;
                using var reader = new StreamReader(stream);
                return (n, reader.ReadToEnd());
            })
            .ToList();
    }

    private sealed class DbUpLog(ILogger logger) : DbUp.Engine.Output.IUpgradeLog
    {
        public void LogTrace(string format, params object[] args) => logger.LogTrace(format, args);
        public void LogDebug(string format, params object[] args) => logger.LogDebug(format, args);
        public void LogInformation(string format, params object[] args) => logger.LogInformation(format, args);
        public void LogWarning(string format, params object[] args) => logger.LogWarning(format, args);
        public void LogError(string format, params object[] args) => logger.LogError(format, args);
        public void LogError(Exception ex, string format, params object[] args) => logger.LogError(ex, format, args);
    }
}
