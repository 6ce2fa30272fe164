using Microsoft.Extensions.Configuration;

namespace TclHotline.ServiceDefaults.Database;

/// <summary>
/// Which engine and which connection string each service's own database uses.
/// <c>Database:Provider</c> is Sqlite (default) or SqlServer; <c>ConnectionStrings:&lt;service&gt;</c> names
/// a service's database; without one, SQLite puts <c>&lt;service&gt;.db</c> under <c>Database:DataDirectory</c>.
/// </summary>
public sealed class DatabaseSettings(IConfiguration configuration)
{
    public SqlDialect Dialect { get; } = ParseProvider(configuration["Database:Provider"]);

    public string DataDirectory { get; } = configuration["Database:DataDirectory"] is { Length: > 0 } dir ? dir : "data";

    /// <summary>SQLite busy timeout: how long a writer waits for another process's lock before failing.</summary>
    public int SqliteBusyTimeoutMs { get; } = int.TryParse(configuration["Database:SqliteBusyTimeoutMs"], out var ms) ? ms : 15000;

    /// <summary>
    /// At most this many queued units of work of one SQLite file share one transaction and one commit (group
    /// commit); 1 commits every unit on its own. A larger group writes fewer commits but makes its first unit wait
    /// for more of the others' work before it is told it committed.
    /// </summary>
    public int SqliteGroupCommitMaxUnits { get; } = int.TryParse(configuration["Database:SqliteGroupCommitMaxUnits"], out var units) && units > 0 ? units : 32;

    /// <summary>
    /// How many SQL texts the SQLite writer connection keeps prepared (<see cref="PreparedStatements"/>); 0 prepares
    /// every statement afresh, as Microsoft.Data.Sqlite does for a new command.
    /// </summary>
    public int SqliteStatementCacheSize { get; } = int.TryParse(configuration["Database:SqliteStatementCacheSize"], out var kept) && kept >= 0 ? kept : 256;

    public string ConnectionStringFor(string service)
    {
        var configured = configuration.GetConnectionString(service);
        if (!string.IsNullOrWhiteSpace(configured)) return configured;
        if (Dialect == SqlDialect.SqlServer)
            throw new InvalidOperationException($"ConnectionStrings:{service} is required when Database:Provider is SqlServer.");
        Directory.CreateDirectory(DataDirectory);
        return $"Data Source={Path.Combine(DataDirectory, service + ".db")};Pooling=True;Default Timeout={SqliteBusyTimeoutMs / 1000}";
    }

    private static SqlDialect ParseProvider(string? value) => value switch
    {
        null or "" => SqlDialect.Sqlite,
        _ when Enum.TryParse<SqlDialect>(value, ignoreCase: true, out var d) => d,
        _ => throw new InvalidOperationException($"Database:Provider '{value}' is not Sqlite or SqlServer."),
    };
}
