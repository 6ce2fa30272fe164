using System.Collections.Concurrent;
using System.Threading.Channels;

namespace TclHotline.Dispatch.Board;

/// <summary>
/// Tells live board watchers (gRPC streams, the web page) which order changed, after the change committed.
/// In-process: each instance tells its own watchers of the changes it made.
/// </summary>
public sealed class BoardBroadcaster
{
    private readonly ConcurrentDictionary<Guid, Watcher> _watchers = new();

    public void Changed(string branchCode, Guid orderId)
    {
        foreach (var watcher in _watchers.Values.Where(w => w.BranchCode is null || w.BranchCode == branchCode))
        {
            // Bounded and dropping the oldest: a slow watcher misses changes, never holds up dispatch.
            watcher.Channel.Writer.TryWrite(orderId);
        }
    }

    /// <param name="branchCode">Null: every branch.</param>
    public BoardWatch Watch(string? branchCode)
    {
        var id = Guid.NewGuid();
        var channel = System.Threading.Channels.Channel.CreateBounded<Guid>(new BoundedChannelOptions(256)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
        });
        _watchers[id] = new Watcher(branchCode, channel);
        return new BoardWatch(channel.Reader, () => _watchers.TryRemove(id, out _));
    }

    private sealed record Watcher(string? BranchCode, Channel<Guid> Channel);
}

/// <summary>One watcher's feed of changed order ids; dispose to stop watching.</summary>
public sealed class BoardWatch(ChannelReader<Guid> changes, Action stop) : IDisposable
{
    public ChannelReader<Guid> Changes { get; } = changes;

    public void Dispose() => stop();
}
