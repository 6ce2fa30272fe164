namespace TclHotline.Dispatch.Domain.Board;

/// <summary>
/// A board entry changed (committed): the live feed behind WatchBoard and /board/events. Watchers re-read
/// the order, so the item carries only which one.
/// </summary>
public sealed record BoardChange(string BranchCode, Guid OrderId)
{
    /// <summary>Changes held for a watcher that has not caught up before the oldest is dropped.</summary>
    public const int WatchBuffer = 256;
}
