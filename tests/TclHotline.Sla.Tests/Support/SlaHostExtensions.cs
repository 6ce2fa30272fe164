using Dapper;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using TclHotline.Sla.Data;
using TclHotline.Sla.Domain;
using TclHotline.Testing;

namespace TclHotline.Sla.Tests.Support;

/// <summary>What the SLA tests do with a real host: publish owner events on its bus, read its rows and outbox.</summary>
internal static class SlaHostExtensions
{
    public static Task Publish<T>(this TestHost host, T message) where T : class =>
        host.Services.GetRequiredService<IBus>().Publish(message);

    public static Task<Deadline?> FindDeadline(this TestHost host, DeadlineKey key) =>
        host.Services.GetRequiredService<DeadlineStore>().FindAsync(key, CancellationToken.None);

    public static Task<Deadline> Until(this TestHost host, DeadlineKey key, Func<Deadline, bool> done, string what) =>
        Eventually.Until(async () => await host.FindDeadline(key), d => d is not null && done(d), TimeSpan.FromSeconds(15), what)!;

    /// <summary>How many outbox rows of one message type there are (sent or not).</summary>
    public static async Task<long> OutboxCount<T>(this TestHost host)
    {
        await using var connection = await host.Services.GetRequiredService<SlaDatabase>().OpenAsync();
        return await connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM outbox_messages WHERE message_type = @Type", new { Type = typeof(T).FullName });
    }

    /// <summary>The outbox rows of one message type (sent or not), optionally only those naming a subject.</summary>
    public static async Task<IReadOnlyList<string>> OutboxBodies<T>(this TestHost host, string? subjectId = null)
    {
        await using var connection = await host.Services.GetRequiredService<SlaDatabase>().OpenAsync();
        var bodies = await connection.QueryAsync<string>(
            "SELECT body FROM outbox_messages WHERE message_type = @Type ORDER BY sequence", new { Type = typeof(T).FullName });
        return bodies.Where(b => subjectId is null || b.Contains($"\"subjectId\":\"{subjectId}\"", StringComparison.Ordinal)).ToList();
    }
}
