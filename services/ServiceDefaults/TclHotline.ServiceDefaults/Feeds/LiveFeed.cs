using System.Collections.Immutable;
using System.Threading.Channels;
using MassTransit;
using TclHotline.ServiceDefaults.Observability;

namespace TclHotline.ServiceDefaults.Feeds;

/// <summary>
/// Changes a service committed, pushed to the live streams watching them. <see cref="Publish"/> (after the
/// commit) reaches this instance's watchers at once and, in the distributed mode, every other instance's
/// through the broker. Each watcher has its own bounded buffer that drops its oldest item when full, so a
/// slow watcher misses changes and never holds up the writer or the other watchers.
/// </summary>
/// <typeparam name="T">The item: a record the bus can carry, used by this feed only.</typeparam>
public sealed class LiveFeed<T> : ILiveFeedReceiver where T : class
{
    private readonly Func<T, string> _keyOf;
    private readonly LiveFeedRelay _relay;
    private readonly Lock _gate = new();

    // Replaced, never changed in place: a publisher reads the current value without taking the lock.
    private Watchers _watchers = Watchers.Empty;

    /// <param name="keyOf">What a watcher can pick items by (a branch, an agent).</param>
    public LiveFeed(Func<T, string> keyOf, LiveFeedRelay relay)
    {
        _keyOf = keyOf;
        _relay = relay;
    }

    /// <param name="key">Only items of this key; null: every item.</param>
    /// <param name="capacity">Items held for a watcher that has not read them before the oldest is dropped.</param>
    /// <param name="filter">A further test an item must pass, or null.</param>
    public LiveSubscription<T> Subscribe(string? key, int capacity, Func<T, bool>? filter = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        var channel = Channel.CreateBounded<T>(
            new BoundedChannelOptions(capacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
            _ => LiveFeedMetrics.Dropped.Add(1, new KeyValuePair<string, object?>("feed", typeof(T).Name)));
        var watcher = new Watcher(key, filter, channel.Writer);
        lock (_gate)
        {
            _watchers = _watchers.With(watcher);
        }

        return new LiveSubscription<T>(channel.Reader, () =>
        {
            lock (_gate)
            {
                _watchers = _watchers.Without(watcher);
            }

            channel.Writer.TryComplete();
        });
    }

    /// <summary>Call once the change is committed (<c>UnitOfWork.AfterCommit</c>); never blocks.</summary>
    public void Publish(T item)
    {
        Deliver(item);
        _relay.Send(item);
    }

    /// <summary>Hands <paramref name="item"/> to this instance's watchers.</summary>
    internal void Deliver(T item)
    {
        var watchers = Volatile.Read(ref _watchers);
        if (watchers.ByKey.TryGetValue(_keyOf(item), out var keyed))
        {
            Offer(keyed, item);
        }

        Offer(watchers.Everything, item);
    }

    void ILiveFeedReceiver.Name(IBusFactoryConfigurator bus, string service) =>
        bus.Message<T>(topology => topology.SetEntityName($"{service}-live-{KebabCaseEndpointNameFormatter.Instance.SanitizeName(typeof(T).Name)}"));

    void ILiveFeedReceiver.Receive(IReceiveEndpointConfigurator endpoint, Guid instance) =>
        endpoint.Handler<T>(context =>
        {
            // This instance's own items reached its watchers when they were published.
            if (!LiveFeedRelay.IsFrom(context, instance))
            {
                Deliver(context.Message);
            }

            return Task.CompletedTask;
        });

    private static void Offer(ImmutableArray<Watcher> watchers, T item)
    {
        foreach (var watcher in watchers)
        {
            if (watcher.Filter is null || watcher.Filter(item))
            {
                watcher.Writer.TryWrite(item);
            }
        }
    }

    private sealed record Watcher(string? Key, Func<T, bool>? Filter, ChannelWriter<T> Writer);

    private sealed record Watchers(ImmutableDictionary<string, ImmutableArray<Watcher>> ByKey, ImmutableArray<Watcher> Everything)
    {
        public static readonly Watchers Empty = new(ImmutableDictionary.Create<string, ImmutableArray<Watcher>>(StringComparer.Ordinal), []);

        public Watchers With(Watcher watcher) => watcher.Key is { } key
            ? this with { ByKey = ByKey.SetItem(key, ByKey.GetValueOrDefault(key, []).Add(watcher)) }
            : this with { Everything = Everything.Add(watcher) };

        public Watchers Without(Watcher watcher)
        {
            if (watcher.Key is not { } key)
            {
                return this with { Everything = Everything.Remove(watcher, ReferenceEqualityComparer.Instance) };
            }

            var rest = ByKey.GetValueOrDefault(key, []).Remove(watcher, ReferenceEqualityComparer.Instance);
            return this with { ByKey = rest.IsEmpty ? ByKey.Remove(key) : ByKey.SetItem(key, rest) };
        }
    }
}

/// <summary>One watcher's items, in the order published; dispose to stop watching.</summary>
public sealed class LiveSubscription<T>(ChannelReader<T> items, Action stop) : IDisposable
{
    private int _stopped;

    public ChannelReader<T> Items { get; } = items;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 0)
        {
            stop();
        }
    }
}

/// <summary>A feed that takes the items other instances published, on this instance's fan-out queue.</summary>
internal interface ILiveFeedReceiver
{
    /// <summary>
    /// Names the item's exchange among the service's own names (not after its CLR type), so the service's
    /// broker user, whose permissions cover its own names and the shared contracts, may declare and use it.
    /// </summary>
    void Name(IBusFactoryConfigurator bus, string service);

    void Receive(IReceiveEndpointConfigurator endpoint, Guid instance);
}

internal static class LiveFeedMetrics
{
    public static readonly System.Diagnostics.Metrics.Counter<long> Dropped = HotlineTelemetry.Meter.CreateCounter<long>(
        "tclhotline.livefeed.dropped", description: "Live feed items a slow watcher lost (its buffer was full)");

    public static readonly System.Diagnostics.Metrics.Counter<long> Unrelayed = HotlineTelemetry.Meter.CreateCounter<long>(
        "tclhotline.livefeed.unrelayed", description: "Live feed items other instances never got (broker unreachable or relay full)");
}
