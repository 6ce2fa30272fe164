using TclHotline.Testing;

namespace TclHotline.Returns.Tests;

/// <summary>No SQL Server runs here: every statement and script the service can send it is parsed with Microsoft's T-SQL parser.</summary>
public sealed class ReturnsSqlSyntaxTests
{
    public static TheoryData<string> Scripts() => [.. SqlServerSyntax.MigrationScripts(typeof(ReturnsDatabase).Assembly).Select(s => s.Name)];

    [Theory]
    [MemberData(nameof(Scripts))]
    public void Every_sql_server_migration_parses(string name)
    {
        var sql = SqlServerSyntax.MigrationScripts(typeof(ReturnsDatabase).Assembly).Single(s => s.Name == name).Sql;

        Assert.Empty(SqlServerSyntax.Errors(sql));
    }
}
