using System.Text.Json;
using Dapper;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using TclHotline.Messages.Intake;
using TclHotline.ServiceDefaults.Outbox;
using TclHotline.Testing;

namespace TclHotline.Dispatch.Tests.Support;

/// <summary>
/// A running dispatch module (real host, SQLite, in-memory bus) and ways to feed it and read what it published.
/// Its clock starts at <see cref="TestClock.Start"/> (a weekday morning in Changsha), whatever the hour of the run.
/// </summary>
public sealed class DispatchService : IAsyncLifetime
{
    public TestHost Host { get; private set; } = null!;

    public Task InitializeAsync() => InitializeAsync([]);

    /// <param name="clock">Another clock than <see cref="TestClock.Shared"/>, e.g. one the test moves.</param>
    public async Task InitializeAsync(IEnumerable<KeyValuePair<string, string?>> settings, TimeProvider? clock = null) =>
        Host = await TestHost.StartAsync([new DispatchModule()], settings, clock: clock ?? TestClock.Shared);

    public async Task DisposeAsync() => await Host.DisposeAsync();

    public Task PublishAsync<T>(T message) where T : class => Host.Services.GetRequiredService<IBus>().Publish(message);

    /// <summary>The events dispatch wrote to its outbox for an order (aggregate id), oldest first.</summary>
    public async Task<IReadOnlyList<T>> PublishedAsync<T>(Guid orderId)
    {
        var db = Host.Services.GetRequiredService<DispatchDatabase>();
        await using var connection = await db.OpenAsync();
        var bodies = await connection.QueryAsync<string>(
            "SELECT body FROM outbox_messages WHERE aggregate_id = @Id AND message_type = @Type ORDER BY sequence",
            new { Id = orderId.ToString(), Type = MessageTypes.NameOf(typeof(T)) });
        return bodies.Select(b => JsonSerializer.Deserialize<T>(b, MessageTypes.Json)!).ToList();
    }

    /// <summary>Waits until dispatch has published at least one <typeparamref name="T"/> for the order.</summary>
    public async Task<T> AwaitAsync<T>(Guid orderId, int count = 1)
    {
        var all = await Eventually.Until(() => PublishedAsync<T>(orderId), list => list.Count >= count,
            TimeSpan.FromSeconds(15), $"{typeof(T).Name} #{count} for order {orderId}");
        return all[count - 1];
    }

    public static ServiceOrderOpened Order(
        string district = "430102", bool urban = true, string type = "Repair", DateTimeOffset? registeredAt = null,
        DateTimeOffset? requestedVisitAt = null, string branch = "CS") =>
        new(Guid.NewGuid(), "SO" + Random.Shared.Next(100000, 999999), registeredAt ?? TestClock.Now, type, branch,
            district[..2], district[..4], district, urban, "张三", "13800000000", "五一大道 1 号", "75V8", "SN" + Random.Shared.Next(),
            "NoPicture", InWarranty: true, ExchangeEligible: false, requestedVisitAt, CallId: null);
}
