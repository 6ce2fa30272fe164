using TclHotline.Foundation.Tests.Support;
using TclHotline.Testing;
using Xunit;

namespace TclHotline.Foundation.Tests.Functional;

public sealed class MigrationLockTests
{
    [Fact]
    public async Task Hosts_starting_together_on_one_database_end_with_one_migration_journal()
    {
        var data = Path.Combine(Path.GetTempPath(), "tclhotline-migrate-race-" + Guid.NewGuid().ToString("N"));
        // Each on its own thread (host creation migrates synchronously). In one process this does not reproduce the
        // cross-process CREATE TABLE race MigrationLock prevents; that race was seen with deploy/local/start.sh.
        var hosts = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => TestHost.StartAsync([new LedgerModule()], dataDirectory: data))));
        try
        {
            using var c = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(data, "ledger.db")};Pooling=False");
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "SELECT COUNT(*) FROM schema_versions";
            Assert.Equal(5L, (long)cmd.ExecuteScalar()!); // the foundation's four scripts and the ledger's, once each
        }
        finally
        {
            foreach (var host in hosts) await host.DisposeAsync();
        }
    }
}
