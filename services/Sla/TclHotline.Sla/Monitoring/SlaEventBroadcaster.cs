using System.Threading.Channels;
using Microsoft.Extensions.Options;
using TclHotline.Messages.Sla;
using TclHotline.Sla.Domain;

namespace TclHotline.Sla.Monitoring;

/// <summary>A warning or breach this instance committed: the bus message and the deadline it names.</summary>
internal sealed record SlaNotice(string BranchCode, string Kind, object Message)
{
    public static SlaNotice Of(object message) => message switch
    {
        DeadlineWarned w => new(w.BranchCode, w.Kind, w),
        DeadlineBreached b => new(b.BranchCode, b.Kind, b),
        _ => throw new ArgumentException($"{message.GetType().Name} is not an SLA notice.", nameof(message)),
    };
}

/// <summary>
/// Fans committed warnings and breaches out to live WatchSlaEvents streams of this process. Each stream
/// has its own bounded buffer so one slow reader never holds up the scanner.
/// </summary>
internal sealed class SlaEventBroadcaster(IOptions<SlaOptions> options)
{
    private readonly Lock _gate = new();
    private readonly List<Subscription> _subscriptions = [];

    public Subscription Subscribe(DeadlineFilter filter)
    {
        var subscription = new Subscription(this, filter, Channel.CreateBounded<SlaNotice>(
            new BoundedChannelOptions(options.Value.WatchBufferSize) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true }));
        lock (_gate)
        {
            _subscriptions.Add(subscription);
        }

        return subscription;
    }

    public void Publish(IEnumerable<SlaNotice> notices)
    {
        Subscription[] current;
        lock (_gate)
        {
            current = [.. _subscriptions];
        }

        foreach (var notice in notices)
        {
            foreach (var subscription in current.Where(s => s.Filter.Matches(notice.BranchCode, notice.Kind)))
            {
                subscription.Channel.Writer.TryWrite(notice);
            }
        }
    }

    private void Remove(Subscription subscription)
    {
        lock (_gate)
        {
            _subscriptions.Remove(subscription);
        }
    }

    internal sealed class Subscription(SlaEventBroadcaster owner, DeadlineFilter filter, Channel<SlaNotice> channel) : IDisposable
    {
        public DeadlineFilter Filter { get; } = filter;

        internal Channel<SlaNotice> Channel { get; } = channel;

        public ChannelReader<SlaNotice> Notices => Channel.Reader;

        public void Dispose()
        {
            owner.Remove(this);
            Channel.Writer.TryComplete();
        }
    }
}
