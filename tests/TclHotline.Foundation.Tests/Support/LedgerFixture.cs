using Dapper;
using Grpc.Net.Client;
using TclHotline.Foundation.Tests.Ledger.V1;
using TclHotline.ServiceDefaults.Security;
using TclHotline.Testing;

namespace TclHotline.Foundation.Tests.Support;

/// <summary>Helpers over a ledger host: record calls, read applications and the outbox.</summary>
internal static class LedgerFixture
{
    public static Ledger.V1.Ledger.LedgerClient Client(TestHost host) => new(host.ChannelAs(HotlineRoles.Agent));

    public static async Task<List<string>> RecordAsync(TestHost host, int count, string? aggregate = null)
    {
        var client = Client(host);
        var subjects = Enumerable.Range(0, count).Select(_ => Guid.NewGuid().ToString("N")).ToList();
        foreach (var subject in subjects)
            await client.RecordAsync(new RecordRequest { Subject = subject, Aggregate = aggregate ?? "" });
        return subjects;
    }

    public static async Task<Dictionary<string, long>> AppliedAsync(TestHost host, IEnumerable<string> subjects)
    {
        var db = (LedgerDatabase)host.Services.GetService(typeof(LedgerDatabase))!;
        await using var connection = await db.OpenAsync();
        var rows = await connection.QueryAsync<(string Subject, long AppliedCount)>(
            "SELECT subject, applied_count FROM ledger_entries WHERE subject IN @Subjects", new { Subjects = subjects.ToList() });
        return rows.ToDictionary(r => r.Subject, r => r.AppliedCount);
    }

    public static async Task<long> PendingOutboxAsync(TestHost host)
    {
        var db = (LedgerDatabase)host.Services.GetService(typeof(LedgerDatabase))!;
        await using var connection = await db.OpenAsync();
        return await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM outbox_messages WHERE sent_at IS NULL");
    }

    public static Task AllAppliedOnceAsync(TestHost host, List<string> subjects, TimeSpan timeout) =>
        Eventually.Until(async () => await AppliedAsync(host, subjects), applied => applied.Count == subjects.Count && applied.Values.All(v => v == 1),
            timeout, "every event applied exactly once");
}
