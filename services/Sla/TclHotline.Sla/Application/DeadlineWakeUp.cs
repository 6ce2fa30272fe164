namespace TclHotline.Sla.Application;

/// <summary>
/// Wakes the scanner early when a consumer stores a deadline due before the scanner's planned wake-up,
/// so a short deadline set while it sleeps still fires on time. In-process only: another instance
/// finds the row within its bounded sleep.
/// </summary>
internal sealed class DeadlineWakeUp
{
    private readonly Lock _gate = new();
    private TaskCompletionSource _woken = NewSignal();

    // MaxValue while the scanner works a round: any notice then cuts its next sleep short.
    private DateTimeOffset _plannedWake = DateTimeOffset.MaxValue;

    public void Notify(DateTimeOffset dueAt)
    {
        lock (_gate)
        {
            if (dueAt < _plannedWake)
            {
                _woken.TrySetResult();
            }
        }
    }

    /// <summary>Called as a round starts: notices from now on count against the coming sleep.</summary>
    public void BeginRound()
    {
        lock (_gate)
        {
            _plannedWake = DateTimeOffset.MaxValue;
            if (_woken.Task.IsCompleted)
            {
                _woken = NewSignal();
            }
        }
    }

    /// <summary>Sleeps for <paramref name="delay"/> (meant to end at <paramref name="until"/>) or until notified of something earlier.</summary>
    public async Task SleepAsync(DateTimeOffset until, TimeSpan delay, TimeProvider time, CancellationToken ct)
    {
        Task woken;
        lock (_gate)
        {
            _plannedWake = until;
            woken = _woken.Task;
        }

        using var sleeping = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var timeUp = Task.Delay(delay, time, sleeping.Token);
        await Task.WhenAny(woken, timeUp);
        await sleeping.CancelAsync();
        ct.ThrowIfCancellationRequested();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
