using TclHotline.Telephony.Data;
using TclHotline.Testing;

namespace TclHotline.Telephony.Tests.Domain;

/// <summary>No SQL Server runs here: every T-SQL statement and migration is parsed instead (SQLite runs for real in the host tests).</summary>
public sealed class TelephonySqlSyntaxTests
{
    public static TheoryData<string> StatementNames() => new(SqlServerSyntax.Statements(typeof(TelephonySql)).Select(s => s.Name));

    [Theory]
    [MemberData(nameof(StatementNames))]
    public void Every_sql_server_statement_parses(string name)
    {
        var sql = SqlServerSyntax.Statements(typeof(TelephonySql)).Single(s => s.Name == name).Sql;
        Assert.Empty(SqlServerSyntax.Errors(sql));
    }

    [Fact]
    public void Every_sql_server_migration_parses()
    {
        var scripts = SqlServerSyntax.MigrationScripts(typeof(TelephonyDatabase).Assembly);
        Assert.NotEmpty(scripts);
        Assert.All(scripts, s => Assert.Empty(SqlServerSyntax.Errors(s.Sql)));
    }

    [Fact]
    public void Statements_that_differ_between_engines_have_both()
    {
        var dictionaries = typeof(TelephonySql).GetFields()
            .Select(f => f.GetValue(null)).OfType<IReadOnlyDictionary<ServiceDefaults.Database.SqlDialect, string>>().ToList();
        Assert.NotEmpty(dictionaries);
        Assert.All(dictionaries, d => Assert.Equal(2, d.Count));
    }
}
