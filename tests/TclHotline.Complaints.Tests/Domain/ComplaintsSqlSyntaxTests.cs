using TclHotline.Complaints.Data;
using TclHotline.Testing;

namespace TclHotline.Complaints.Tests.Domain;

/// <summary>No SQL Server runs here: every statement and script the service can send it is parsed with Microsoft's T-SQL parser.</summary>
public sealed class ComplaintsSqlSyntaxTests
{
    public static TheoryData<string> Statements() => [.. AllStatements().Select(s => s.Name)];

    public static TheoryData<string> Scripts() => [.. SqlServerSyntax.MigrationScripts(typeof(ComplaintsSql).Assembly).Select(s => s.Name)];

    private static IEnumerable<(string Name, string Sql)> AllStatements() =>
        SqlServerSyntax.Statements(typeof(ComplaintsSql)).Concat(SqlServerSyntax.Statements(typeof(NotificationsSql)));

    [Theory]
    [MemberData(nameof(Statements))]
    public void Every_sql_server_statement_parses(string name)
    {
        var sql = AllStatements().Single(s => s.Name == name).Sql;

        Assert.Empty(SqlServerSyntax.Errors(sql));
    }

    [Theory]
    [MemberData(nameof(Scripts))]
    public void Every_sql_server_migration_parses(string name)
    {
        var sql = SqlServerSyntax.MigrationScripts(typeof(ComplaintsSql).Assembly).Single(s => s.Name == name).Sql;

        Assert.Empty(SqlServerSyntax.Errors(sql));
    }

    [Fact]
    public void The_statements_and_a_migration_are_found()
    {
        Assert.True(SqlServerSyntax.Statements(typeof(ComplaintsSql)).Count() > 20);
        Assert.True(SqlServerSyntax.Statements(typeof(NotificationsSql)).Count() > 15);
        Assert.Equal(3, SqlServerSyntax.MigrationScripts(typeof(ComplaintsSql).Assembly).Count);
    }
}
