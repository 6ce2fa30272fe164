using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TclHotline.Messages.Sla;
using TclHotline.ServiceDefaults.Database;
using TclHotline.Sla.Domain;
using TclHotline.Sla.Monitoring;
using TclHotline.Sla.Storage;

namespace TclHotline.Sla.Scanning;

/// <summary>
/// Fires due warnings and breaches. Each round claims a batch of due rows (one statement, so instances
/// sharing the table take disjoint batches), then fires each row in its own unit of work: the firings go
/// to the outbox and the row is stored and released together, so each fires exactly once. A claim whose
/// holder died is taken over after the lease. Between rounds it sleeps until the next due instant,
/// bounded by MaxSleep and cut short when a consumer sets something earlier.
/// </summary>
internal sealed class DeadlineScanner(
    SlaDatabase db,
    DeadlineStore store,
    DeadlineTimer timer,
    DeadlineWakeUp wakeUp,
    SlaEventBroadcaster broadcaster,
    SlaMetrics metrics,
    IOptions<SlaOptions> options,
    ILogger<DeadlineScanner> logger) : BackgroundService
{
    private readonly SlaOptions _options = options.Value;

    /// <summary>This scanner's name in claimed_by: unique per start, so a restarted process never mistakes an old claim for its own.</summary>
    public string Instance { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await ScanAsync(stoppingToken);
            }
        }
        finally
        {
            await ReleaseClaimsAsync();
        }
    }

    private async Task ScanAsync(CancellationToken ct)
    {
        try
        {
            wakeUp.BeginRound();
            if (await RunRoundAsync(ct) >= _options.ScanBatchSize)
            {
                return; // a full batch: more may be due already
            }

            metrics.CountPending(await store.CountPendingAsync(ct));
            var now = db.Time.GetUtcNow();
            var bound = now + _options.MaxSleep;
            var until = await store.NextFireAtAsync(now, ct) is { } next && next < bound ? next : bound;
            await wakeUp.SleepAsync(until, until > now ? until - now : TimeSpan.Zero, db.Time, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Deadline scanner {Instance} failed a round; retrying in {Delay}", Instance, _options.MaxSleep);
            try
            {
                await Task.Delay(_options.MaxSleep, db.Time, ct);
            }
            catch (OperationCanceledException)
            {
            }
        }
    }

    /// <returns>How many rows the round claimed.</returns>
    internal async Task<int> RunRoundAsync(CancellationToken ct)
    {
        var now = db.Time.GetUtcNow();
        var claimed = await store.ClaimAsync(Instance, now, now + _options.ClaimLease, _options.ScanBatchSize, ct);
        foreach (var key in claimed)
        {
            await FireAsync(key, ct);
        }

        return claimed.Count;
    }

    private async Task FireAsync(DeadlineKey key, CancellationToken ct)
    {
        await using var unit = await db.BeginAsync(ct);
        var before = await store.LoadForChangeAsync(unit, key);
        if (before is null || before.ClaimedBy != Instance)
        {
            return; // the lease ran out and another instance holds it now
        }

        var result = timer.Fire(before, unit.Now);
        if (result.Firings.Count == 0)
        {
            // Moved later or stopped since it was claimed: nothing due now.
            await store.ReleaseClaimAsync(unit, key, Instance);
            await unit.CommitAsync();
            return;
        }

        var notices = new List<SlaNotice>(result.Firings.Count);
        foreach (var firing in result.Firings)
        {
            var message = firing.ToMessage(result.Deadline, Guid.NewGuid());
            await PublishAsync(unit, message, key.ToString());
            notices.Add(SlaNotice.Of(message));
        }

        if (!await store.SaveFiredAsync(unit, before, result.Deadline, Instance))
        {
            return; // lost the row meanwhile: rolling back drops these outbox rows too
        }

        unit.AfterCommit(() =>
        {
            broadcaster.Publish(notices);
            metrics.Fired(result.Deadline, result.Firings);
        });
        await unit.CommitAsync();
    }

    private static Task PublishAsync(UnitOfWork unit, object message, string aggregateId) => message switch
    {
        DeadlineWarned warned => unit.PublishAsync(warned, aggregateId),
        DeadlineBreached breached => unit.PublishAsync(breached, aggregateId),
        _ => throw new ArgumentException($"{message.GetType().Name} is not a firing message.", nameof(message)),
    };

    /// <summary>On a clean stop, hands unfired claims back at once instead of letting them wait out the lease.</summary>
    private async Task ReleaseClaimsAsync()
    {
        try
        {
            await store.ReleaseAllClaimsAsync(Instance, CancellationToken.None);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Deadline scanner {Instance} could not release its claims; they lapse after the lease", Instance);
        }
    }
}
