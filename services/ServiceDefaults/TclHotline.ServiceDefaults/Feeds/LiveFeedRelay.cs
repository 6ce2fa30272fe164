using System.Threading.Channels;
using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TclHotline.ServiceDefaults.Messaging;

namespace TclHotline.ServiceDefaults.Feeds;

/// <summary>
/// Carries live feed items to the other instances in the distributed mode: published on the broker, they
/// reach every instance's fan-out queue (<see cref="LiveFeedEndpoint"/>). Not through the outbox: an item
/// is a hint to re-read, lossy by design, and each watcher drops its oldest ones anyway. With the in-memory
/// bus (one process) there is no other instance and nothing is sent.
/// </summary>
public sealed class LiveFeedRelay(IOptions<MessagingOptions> messaging)
{
    private const string OriginHeader = "TclHotline-LiveFeed-Origin";

    /// <summary>Items waiting for the broker; beyond this the oldest are lost rather than memory growing.</summary>
    private const int Backlog = 10_000;

    private readonly Channel<object>? _outgoing = messaging.Value.IsRabbitMq
        ? Channel.CreateBounded<object>(
            new BoundedChannelOptions(Backlog) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
            _ => LiveFeedMetrics.Unrelayed.Add(1))
        : null;

    /// <summary>This process: it ignores its own items when they come back from the broker.</summary>
    public Guid Instance { get; } = Guid.NewGuid();

    internal ChannelReader<object>? Outgoing => _outgoing?.Reader;

    internal void Send(object item) => _outgoing?.Writer.TryWrite(item);

    internal void Stamp(PublishContext context)
    {
        context.Headers.Set(OriginHeader, Instance.ToString("N"));
        // Only live watchers want it: kept in memory by the broker, gone with a broker restart like the queues.
        context.Durable = false;
    }

    internal static bool IsFrom(ConsumeContext context, Guid instance) =>
        context.Headers.Get<string>(OriginHeader) == instance.ToString("N");
}

/// <summary>Publishes the relay's items in order, off the writers' path so a slow broker never delays a request.</summary>
internal sealed class LiveFeedRelayService(LiveFeedRelay relay, IBus bus, ILogger<LiveFeedRelayService> logger) : BackgroundService
{
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (relay.Outgoing is not { } outgoing)
        {
            return;
        }

        try
        {
            await foreach (var item in outgoing.ReadAllAsync(stoppingToken))
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                timeout.CancelAfter(PublishTimeout);
                try
                {
                    await bus.Publish(item, item.GetType(), relay.Stamp, timeout.Token);
                }
                catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    // Other instances' watchers miss this change; they catch up with the next one or on reconnect.
                    LiveFeedMetrics.Unrelayed.Add(1);
                    logger.LogWarning(e, "Live feed item {ItemType} not relayed to the other instances", item.GetType().Name);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }
}
