using TclHotline.Sla.Data;
using TclHotline.Testing;

namespace TclHotline.Sla.Tests.Domain;

/// <summary>No SQL Server runs here: every SQL Server statement and script is parsed by Microsoft's T-SQL parser.</summary>
public class SlaSqlSyntaxTests
{
    public static TheoryData<string> StatementNames() => [.. SqlServerSyntax.Statements(typeof(SlaSql)).Select(s => s.Name)];

    public static TheoryData<string> ScriptNames() => [.. SqlServerSyntax.MigrationScripts(typeof(SlaModule).Assembly).Select(s => s.Name)];

    [Theory]
    [MemberData(nameof(StatementNames))]
    public void SqlServer_statement_parses(string name)
    {
        var sql = SqlServerSyntax.Statements(typeof(SlaSql)).Single(s => s.Name == name).Sql;
        Assert.Empty(SqlServerSyntax.Errors(sql));
    }

    [Theory]
    [MemberData(nameof(ScriptNames))]
    public void SqlServer_migration_parses(string name)
    {
        var sql = SqlServerSyntax.MigrationScripts(typeof(SlaModule).Assembly).Single(s => s.Name == name).Sql;
        Assert.Empty(SqlServerSyntax.Errors(sql));
    }

    [Fact]
    public void Every_engine_specific_statement_has_both_engines()
    {
        var byDialect = typeof(SlaSql).GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Select(f => f.GetValue(null))
            .OfType<IReadOnlyDictionary<TclHotline.ServiceDefaults.Database.SqlDialect, string>>()
            .ToList();
        Assert.NotEmpty(byDialect);
        Assert.All(byDialect, d => Assert.Equal(2, d.Count));
    }

    [Fact]
    public void The_statements_and_scripts_are_found()
    {
        Assert.Contains(SqlServerSyntax.Statements(typeof(SlaSql)), s => s.Name.EndsWith("Claim[SqlServer]", StringComparison.Ordinal));
        Assert.Contains(SqlServerSyntax.MigrationScripts(typeof(SlaModule).Assembly), s => s.Name.EndsWith("0001_deadlines.sql", StringComparison.Ordinal));
    }
}
