using TclHotline.Dispatch.Data;
using TclHotline.Testing;

namespace TclHotline.Dispatch.Tests.Domain;

/// <summary>No SQL Server here: every statement and migration script must at least parse as T-SQL.</summary>
public class DispatchSqlSyntaxTests
{
    public static TheoryData<string> Statements()
    {
        var data = new TheoryData<string>();
        // Column lists (…Columns) are fragments spliced into statements, not statements of their own.
        foreach (var (name, _) in SqlServerSyntax.Statements(typeof(DispatchSql)).Where(s => !s.Name.EndsWith("Columns", StringComparison.Ordinal)))
        {
            data.Add(name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Statements))]
    public void Statement_parses_as_TSql(string name)
    {
        var sql = SqlServerSyntax.Statements(typeof(DispatchSql)).Single(s => s.Name == name).Sql;

        Assert.Empty(SqlServerSyntax.Errors(sql));
    }

    [Fact]
    public void SqlServer_migrations_parse_as_TSql()
    {
        var scripts = SqlServerSyntax.MigrationScripts(typeof(DispatchModule).Assembly);

        Assert.NotEmpty(scripts);
        Assert.All(scripts, script => Assert.True(SqlServerSyntax.Errors(script.Sql).Count == 0,
            $"{script.Name}: {string.Join("; ", SqlServerSyntax.Errors(script.Sql))}"));
    }
}
