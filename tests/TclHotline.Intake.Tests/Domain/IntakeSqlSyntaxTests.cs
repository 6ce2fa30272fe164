using TclHotline.Intake.Data;
using TclHotline.Testing;

namespace TclHotline.Intake.Tests.Domain;

/// <summary>No SQL Server here: every SQL Server statement and script of intake goes through the T-SQL parser.</summary>
public sealed class IntakeSqlSyntaxTests
{
    public static TheoryData<string> Statements() => [.. SqlServerSyntax.Statements(typeof(IntakeSql)).Select(s => s.Name)];

    [Theory]
    [MemberData(nameof(Statements))]
    public void Statement_parses_as_TSql(string name)
    {
        var sql = SqlServerSyntax.Statements(typeof(IntakeSql)).Single(s => s.Name == name).Sql;
        Assert.Empty(SqlServerSyntax.Errors(sql));
    }

    [Fact]
    public void SqlServer_migrations_parse_as_TSql()
    {
        var scripts = SqlServerSyntax.MigrationScripts(typeof(IntakeDatabase).Assembly);
        Assert.NotEmpty(scripts);
        foreach (var (name, sql) in scripts)
            Assert.True(SqlServerSyntax.Errors(sql) is { Count: 0 }, $"{name}: {string.Join("; ", SqlServerSyntax.Errors(sql))}");
    }
}
