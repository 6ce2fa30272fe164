using Microsoft.Extensions.Configuration;
using TclHotline.ServiceDefaults.Database;
using Xunit;

namespace TclHotline.Foundation.Tests.Domain;

public sealed class DatabaseSettingsTests
{
    private static DatabaseSettings With(params (string, string?)[] values) =>
        new(new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Item1, v.Item2))).Build());

    [Fact]
    public void Sqlite_is_the_default_with_a_file_per_service()
    {
        var dir = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"));
        var settings = With(("Database:DataDirectory", dir));
        Assert.Equal(SqlDialect.Sqlite, settings.Dialect);
        Assert.Contains(Path.Combine(dir, "intake.db"), settings.ConnectionStringFor("intake"));
    }

    [Fact]
    public void SqlServer_needs_a_connection_string_per_service()
    {
        var settings = With(("Database:Provider", "SqlServer"), ("ConnectionStrings:intake", "Server=db;Database=intake"));
        Assert.Equal("Server=db;Database=intake", settings.ConnectionStringFor("intake"));
        Assert.Throws<InvalidOperationException>(() => settings.ConnectionStringFor("dispatch"));
    }

    [Fact]
    public void An_unknown_provider_is_refused() =>
        Assert.Throws<InvalidOperationException>(() => With(("Database:Provider", "Oracle")));
}
