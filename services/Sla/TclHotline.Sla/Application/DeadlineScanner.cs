using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TclHotline.ServiceDefaults.Database;
using TclHotline.ServiceDefaults.Feeds;
using TclHotline.ServiceDefaults.Observability;
using TclHotline.ServiceDefaults.Outbox;
using TclHotline.Sla.Data;
using TclHotline.Sla.Domain;

namespace TclHotline.Sla.Application;

/// <summary>
/// Fires due warnings and breaches. Each round claims a batch of due rows, most overdue first (one
/// statement that returns the claimed rows, so instances sharing the table take disjoint batches), then
/// fires them in a unit of work: the firings go to the outbox and each row is stored and released
/// together, so each fires exactly once. A claim whose holder died is taken over after the lease.
/// Between rounds it sleeps until the next due instant, bounded by MaxSleep and cut short when a
/// consumer sets something earlier.
/// </summary>
internal sealed class DeadlineScanner(
    SlaDatabase db,
    DeadlineStore store,
    DeadlineTimer timer,
    DeadlineWakeUp wakeUp,
    LiveFeed<SlaNotice> notices,
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
                // A full batch: more may be due already. SQLite's async calls complete synchronously, so without
                // this the next round would run on the same thread at once and a burst of rounds would hold it:
                // another scanner of this process woken meanwhile (or a consumer) would wait for a free thread
                // until this one ran out of due rows. Behind them in the thread pool's queue instead.
                await Task.Yield();
                return;
            }

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
            logger.LogWarning(Redact.DatabaseErrors(ex), "Deadline scanner {Instance} failed a round; retrying in {Delay}", Instance, _options.MaxSleep);
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
            // Fired as claimed, not read again: the update stores a row only while its version and claim are unchanged.
            await using var unit = await db.BeginAsync(ct);
            await FireAsync(unit, claimed);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            // One bad row, or one a consumer changed since the claim, must not hold up its batch: fire them
            // one by one, each read again in its own unit; a failing row keeps its claim and is tried again
            // after the lease.
            logger.LogWarning(Redact.DatabaseErrors(ex), "Firing a batch of {Count} deadlines failed; firing them one by one", claimed.Count);
            foreach (var key in claimed.Select(d => d.Key))
            {
                try
                {
                    await FireOneAsync(key, ct);
                }
                catch (Exception single) when (!ct.IsCancellationRequested)
                {
                    logger.LogError(Redact.DatabaseErrors(single), "Firing deadline {Deadline} failed; retried after the claim lease", key);
                }
            }
        }

        return claimed.Count;
    }

    private async Task FireOneAsync(DeadlineKey key, CancellationToken ct)
    {
        await using var unit = await db.BeginAsync(ct);
        var before = await store.LoadForChangeAsync(unit, key);
        if (before is null || before.ClaimedBy != Instance)
        {
            return; // the lease ran out and another instance holds it now
        }

        await FireAsync(unit, [before]);
    }

    /// <summary>
    /// Fires claimed rows in one unit of work, in the order given (most overdue first): their warnings and
    /// breaches go to the outbox in that order (one prepared INSERT run per row), each fired row is stored and released,
    /// all committed together. One transaction per batch rather than per row keeps SQLite's single writer
    /// free for the consumers and the relay. A row whose claim or version changed since it was read fails
    /// the unit.
    /// </summary>
    private async Task FireAsync(UnitOfWork unit, IReadOnlyList<Deadline> held)
    {
        var now = unit.Now;
        var events = new List<OutboxEvent>();
        var fresh = new List<SlaNotice>();
        var fired = new List<(Deadline Before, FireResult Result)>();
        foreach (var before in held)
        {
            var result = timer.Fire(before, now);
            if (result.Firings.Count == 0)
            {
                // Moved later or stopped since it was claimed: nothing due now.
                await store.ReleaseClaimAsync(unit, before.Key, Instance);
                continue;
            }

            foreach (var firing in result.Firings)
            {
                var message = firing.ToMessage(result.Deadline, Guid.NewGuid());
                events.Add(new OutboxEvent(message, before.Key.ToString()));
                fresh.Add(SlaNotice.Of(message));
            }

            fired.Add((before, result));
        }

        await unit.PublishManyAsync(events);
        var stored = await store.SaveFiredAsync(unit, fired.Select(f => (f.Before, f.Result.Deadline)).ToList(), Instance);
        if (stored != fired.Count)
        {
            throw new DeadlineConcurrencyException(fired.Count - stored, fired.Count);
        }

        unit.AfterCommit(() =>
        {
            fresh.ForEach(notices.Publish);
            fired.ForEach(f => metrics.Fired(f.Result.Deadline, f.Result.Firings));
        });
        await unit.CommitAsync();
    }

    /// <summary>On a clean stop, hands unfired claims back at once instead of letting them wait out the lease.</summary>
    private async Task ReleaseClaimsAsync()
    {
        try
        {
            await store.ReleaseAllClaimsAsync(Instance, CancellationToken.None);
        }
        catch (Exception ex)
        {
            logger.LogWarning(Redact.DatabaseErrors(ex), "Deadline scanner {Instance} could not release its claims; they lapse after the lease", Instance);
        }
    }
}
