using System.Reflection;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using TclHotline.ServiceDefaults.Database;

namespace TclHotline.Testing;

/// <summary>
/// No SQL Server runs on our machines, so every T-SQL script and statement is parsed with Microsoft's parser
/// (SQL Server 2022 grammar) instead.
/// </summary>
public static class SqlServerSyntax
{
    public static IReadOnlyList<string> Errors(string sql)
    {
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(ExpandDapperLists(sql));
        parser.Parse(reader, out var errors);
        return errors.Select(e => $"line {e.Line}, col {e.Column}: {e.Message}").ToList();
    }

    /// <summary>Dapper sends "IN @Ids" as "IN (@Ids1, @Ids2, …)": parse what is actually sent.</summary>
    private static string ExpandDapperLists(string sql) =>
        System.Text.RegularExpressions.Regex.Replace(sql, @"\bIN\s+@(\w+)", "IN (@$1_1, @$1_2)", System.Text.RegularExpressions.RegexOptions.IgnoreCase);

    /// <summary>The SQL Server migration scripts embedded in an assembly.</summary>
    public static IReadOnlyList<(string Name, string Sql)> MigrationScripts(Assembly assembly) =>
        DatabaseMigrator.Scripts(assembly, SqlDialect.SqlServer);

    /// <summary>Every string constant and every SqlServer entry of a dialect dictionary held in static fields of a type.</summary>
    public static IEnumerable<(string Name, string Sql)> Statements(Type holder)
    {
        foreach (var field in holder.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static))
        {
            switch (field.GetValue(null))
            {
                case string sql:
                    yield return ($"{holder.Name}.{field.Name}", sql);
                    break;
                case IReadOnlyDictionary<SqlDialect, string> byDialect when byDialect.TryGetValue(SqlDialect.SqlServer, out var sql):
                    yield return ($"{holder.Name}.{field.Name}[SqlServer]", sql);
                    break;
            }
        }
    }
}
