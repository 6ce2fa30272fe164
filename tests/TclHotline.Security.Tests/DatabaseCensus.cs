using Microsoft.Data.Sqlite;

namespace TclHotline.Security.Tests;

/// <summary>Row counts of every table of every service database under a host's data folder, read-only.</summary>
public static class DatabaseCensus
{
    public static SortedDictionary<string, long> Take(string dataDirectory)
    {
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(dataDirectory, "*.db").Order(StringComparer.Ordinal))
        {
            using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            connection.Open();
            var tables = new List<string>();
            using (var list = connection.CreateCommand())
            {
                list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
                using var reader = list.ExecuteReader();
                while (reader.Read()) tables.Add(reader.GetString(0));
            }
            foreach (var table in tables)
            {
                using var count = connection.CreateCommand();
                count.CommandText = $"SELECT COUNT(*) FROM \"{table.Replace("\"", "\"\"")}\"";
                counts[$"{Path.GetFileNameWithoutExtension(file)}.{table}"] = (long)count.ExecuteScalar()!;
            }
        }
        return counts;
    }
}
