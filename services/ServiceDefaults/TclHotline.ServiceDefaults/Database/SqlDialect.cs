namespace TclHotline.ServiceDefaults.Database;

/// <summary>The two database engines every service runs on: SQLite (embedded default) and SQL Server.</summary>
public enum SqlDialect
{
    Sqlite,
    SqlServer,
}
