using TclHotline.Intake.Data;
using TclHotline.Testing;

namespace TclHotline.Intake.Tests;

/// <summary>No SQL Server here: every SQL Server statement and script of intake goes through the T-SQL parser.</summary>
public sealed class IntakeSqlSyntaxTests
{
    public static TheoryData<string> Statements() => [.. SqlServerSyntax.Statements(typeof(IntakeSql)).Select(s => s.Name)];

    [Theory]
    [MemberData(nameof(Statements))]
    public void StatementParsesAsTSql(string name)
    {
        var sql = SqlServerSyntax.Statements(typeof(IntakeSql)).Single(s => s.Name == name).Sql;
        Assert.Empty(SqlServerSyntax.Errors(sql));
    }

    [Fact]
    public void SqlServerMigrationsParseAsTSql()
    {
        var scripts = SqlServerSyntax.MigrationScripts(typeof(IntakeDatabase).Assembly);
        Assert.NotEmpty(scripts);
        foreach (var (name, sql) in scripts)
            Assert.True(SqlServerSyntax.Errors(sql) is { Count: 0 }, $"{name}: {string.Join("; ", SqlServerSyntax.Errors(sql))}");
    }
}
