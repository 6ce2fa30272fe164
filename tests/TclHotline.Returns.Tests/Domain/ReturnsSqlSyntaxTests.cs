using TclHotline.Returns.Data;
using TclHotline.Testing;

namespace TclHotline.Returns.Tests.Domain;

/// <summary>No SQL Server runs here: every statement and script the service can send it is parsed with Microsoft's T-SQL parser.</summary>
public sealed class ReturnsSqlSyntaxTests
{
    public static TheoryData<string> Statements() => [.. SqlServerSyntax.Statements(typeof(ReturnsSql)).Select(s => s.Name)];

    public static TheoryData<string> Scripts() => [.. SqlServerSyntax.MigrationScripts(typeof(ReturnsDatabase).Assembly).Select(s => s.Name)];

    [Theory]
    [MemberData(nameof(Statements))]
    public void Every_sql_server_statement_parses(string name)
    {
        var sql = SqlServerSyntax.Statements(typeof(ReturnsSql)).Single(s => s.Name == name).Sql;

        Assert.Empty(SqlServerSyntax.Errors(sql));
    }

    [Theory]
    [MemberData(nameof(Scripts))]
    public void Every_sql_server_migration_parses(string name)
    {
        var sql = SqlServerSyntax.MigrationScripts(typeof(ReturnsDatabase).Assembly).Single(s => s.Name == name).Sql;

        Assert.Empty(SqlServerSyntax.Errors(sql));
    }

    [Fact]
    public void The_statements_and_the_migrations_are_found()
    {
        Assert.True(SqlServerSyntax.Statements(typeof(ReturnsSql)).Count() > 30);
        // The module's scripts and the branch report's own (0090_branch_report.sql).
        Assert.Contains(SqlServerSyntax.MigrationScripts(typeof(ReturnsDatabase).Assembly), s => s.Name.EndsWith("0001_returns.sql", StringComparison.Ordinal));
        Assert.Contains(SqlServerSyntax.MigrationScripts(typeof(ReturnsDatabase).Assembly), s => s.Name.EndsWith("0090_branch_report.sql", StringComparison.Ordinal));
    }
}
