using TclHotline.Foundation.Tests.Support;
using TclHotline.ServiceDefaults.Database;
using TclHotline.Testing;
using Xunit;

namespace TclHotline.Foundation.Tests.Domain;

public sealed class SqlServerSyntaxTests
{
    public static TheoryData<string> Scripts()
    {
        var data = new TheoryData<string>();
        foreach (var (name, _) in SqlServerSyntax.MigrationScripts(typeof(DatabaseMigrator).Assembly)
                     .Concat(SqlServerSyntax.MigrationScripts(typeof(LedgerModule).Assembly)))
            data.Add(name);
        return data;
    }

    [Theory]
    [MemberData(nameof(Scripts))]
    public void Every_SqlServer_migration_parses(string name)
    {
        var sql = SqlServerSyntax.MigrationScripts(typeof(DatabaseMigrator).Assembly)
            .Concat(SqlServerSyntax.MigrationScripts(typeof(LedgerModule).Assembly)).Single(s => s.Name == name).Sql;
        Assert.Empty(SqlServerSyntax.Errors(sql));
    }

    [Fact]
    public void Every_foundation_statement_parses_as_TSql()
    {
        var statements = SqlServerSyntax.Statements(typeof(FoundationSql)).Concat(SqlServerSyntax.Statements(typeof(MigrationLockSql))).ToList();
        Assert.True(statements.Count >= 10, "the foundation's statements were found");
        Assert.All(statements, s => Assert.True(SqlServerSyntax.Errors(s.Sql).Count == 0, $"{s.Name}: {string.Join("; ", SqlServerSyntax.Errors(s.Sql))}"));
    }

    [Fact]
    public void The_parser_does_reject_broken_TSql()
    {
        Assert.NotEmpty(SqlServerSyntax.Errors("SELECT FROM WHERE"));
        Assert.NotEmpty(SqlServerSyntax.Errors("SELECT 1 LIMIT 5")); // SQLite syntax is not T-SQL
    }
}
