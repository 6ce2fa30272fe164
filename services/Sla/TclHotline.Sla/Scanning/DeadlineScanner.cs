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
/// sharing the table take disjoint batches), then fires them in a unit of work: the firings go to the
/// outbox and each row is stored and released together, so each fires exactly once. A claim whose
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
        if (claimed.Count == 0)
        {
            return 0;
        }

        try
        {
            await FireAsync(claimed, ct);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            // One bad row must not hold up its batch: fire the rest one by one; a failing row keeps
            // its claim and is tried again after the lease.
            logger.LogWarning(ex, "Firing a batch of {Count} deadlines failed; firing them one by one", claimed.Count);
            foreach (var key in claimed)
            {
                try
                {
                    await FireAsync([key], ct);
                }
                catch (Exception single) when (!ct.IsCancellationRequested)
                {
                    logger.LogError(single, "Firing deadline {Deadline} failed; retried after the claim lease", key);
                }
            }
        }

        return claimed.Count;
    }

    /// <summary>
    /// Fires claimed rows in one unit of work: each row still held is fired, its warnings and breach
    /// written to the outbox, stored and released, all committed together. One transaction per batch
    /// rather than per row keeps SQLite's single writer free for the consumers and the relay.
    /// </summary>
    private async Task FireAsync(IReadOnlyList<DeadlineKey> keys, CancellationToken ct)
    {
        await using var unit = await db.BeginAsync(ct);
        var notices = new List<SlaNotice>();
        var fired = new List<FireResult>();
        foreach (var key in keys)
        {
            var before = await store.LoadForChangeAsync(unit, key);
            if (before is null || before.ClaimedBy != Instance)
            {
                continue; // the lease ran out and another instance holds it now
            }

            var result = timer.Fire(before, unit.Now);
            if (result.Firings.Count == 0)
            {
                // Moved later or stopped since it was claimed: nothing due now.
                await store.ReleaseClaimAsync(unit, key, Instance);
                continue;
            }

            foreach (var firing in result.Firings)
            {
                var message = firing.ToMessage(result.Deadline, Guid.NewGuid());
                await PublishAsync(unit, message, key.ToString());
                notices.Add(SlaNotice.Of(message));
            }

            // The row was read under the unit's lock, so only a changed claim or version gets here.
            if (!await store.SaveFiredAsync(unit, before, result.Deadline, Instance))
            {
                throw new DeadlineConcurrencyException(key);
            }

            fired.Add(result);
        }

        unit.AfterCommit(() =>
        {
            broadcaster.Publish(notices);
            fired.ForEach(f => metrics.Fired(f.Deadline, f.Firings));
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
