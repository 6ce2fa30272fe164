namespace TclHotline.ServiceDefaults.Outbox;

/// <summary>An auto-reset wake-up for the relay: many commits between two waits wake it once.</summary>
public sealed class OutboxSignal
{
    private readonly SemaphoreSlim _semaphore = new(0, 1);

    public void Notify()
    {
        try { if (_semaphore.CurrentCount == 0) _semaphore.Release(); }
        catch (SemaphoreFullException) { /* already signalled */ }
    }

    public async Task WaitAsync(TimeSpan timeout, CancellationToken ct)
    {
        try { await _semaphore.WaitAsync(timeout, ct); }
        catch (OperationCanceledException) when (ct.IsCancellationRequested) { }
    }
}
