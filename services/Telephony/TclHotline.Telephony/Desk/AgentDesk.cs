using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using TclHotline.Grpc.Telephony.V1;
using TclHotline.Telephony.Domain;

namespace TclHotline.Telephony.Desk;

/// <summary>
/// In-process screen pops to the desks watching in this instance. A pop goes to every stream the agent has
/// open here; a desk that falls behind loses its oldest pops rather than slowing the ingestion.
/// </summary>
public sealed class AgentDesk(IOptions<TelephonyOptions> options)
{
    private readonly ConcurrentDictionary<string, ImmutableList<Channel<ScreenPop>>> _desks = new(StringComparer.Ordinal);

    public DeskSubscription Watch(string agentId)
    {
        var channel = Channel.CreateBounded<ScreenPop>(new BoundedChannelOptions(options.Value.DeskQueueCapacity)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        });
        _desks.AddOrUpdate(agentId, _ => [channel], (_, list) => list.Add(channel));
        return new DeskSubscription(channel.Reader, () => Leave(agentId, channel));
    }

    public void Publish(string agentId, ScreenPop pop)
    {
        if (!_desks.TryGetValue(agentId, out var channels)) return;
        foreach (var channel in channels) channel.Writer.TryWrite(pop);
    }

    private void Leave(string agentId, Channel<ScreenPop> channel)
    {
        channel.Writer.TryComplete();
        while (_desks.TryGetValue(agentId, out var list))
        {
            var rest = list.Remove(channel);
            if (rest.IsEmpty ? _desks.TryRemove(new KeyValuePair<string, ImmutableList<Channel<ScreenPop>>>(agentId, list))
                             : _desks.TryUpdate(agentId, rest, list))
                return;
        }
    }
}

public sealed class DeskSubscription(ChannelReader<ScreenPop> pops, Action leave) : IDisposable
{
    public ChannelReader<ScreenPop> Pops { get; } = pops;

    public void Dispose() => leave();
}
