using Microsoft.Extensions.DependencyInjection;
using TclHotline.Messages;
using TclHotline.Sla.Data;
using TclHotline.Sla.Domain;
using TclHotline.Testing;

namespace TclHotline.Sla.Tests.Functional;

/// <summary>The SQLite migrations run for real (starting a host applies them) and rows round-trip.</summary>
public class DeadlineStoreTests
{
    [Fact]
    public async Task A_row_round_trips_through_the_migrated_table_and_a_stale_version_is_refused()
    {
        await using var host = await TestHost.StartAsync([new SlaModule()]);
        var db = host.Services.GetRequiredService<SlaDatabase>();
        var store = host.Services.GetRequiredService<DeadlineStore>();
        var timer = host.Services.GetRequiredService<DeadlineTimer>();
        var key = new DeadlineKey(DeadlineOwners.Dispatch, "SO-STORE-1", DeadlineKinds.OnSite);
        var now = DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        var set = timer.Apply(Deadline.Unseen(key), new Messages.Sla.DeadlineSet(key.Owner, key.SubjectId, key.Kind, "CS", now, now.AddHours(24), now));
        var paused = timer.Apply(set, new Messages.Sla.DeadlinePaused(key.Owner, key.SubjectId, key.Kind, now.AddHours(1)));

        await using (var unit = await db.BeginAsync())
        {
            await store.SaveAsync(unit, Deadline.Unseen(key), set, stored: false);
            await store.SaveAsync(unit, set, paused, stored: true);
            await unit.CommitAsync();
        }

        Assert.Equal(paused, await store.FindAsync(key, CancellationToken.None));

        await using (var unit = await db.BeginAsync())
        {
            await Assert.ThrowsAsync<DeadlineConcurrencyException>(() => store.SaveAsync(unit, set, paused, stored: true));
        }
    }

    [Fact]
    public async Task A_fired_batch_is_stored_in_one_statement_only_where_the_version_and_this_scanners_claim_still_hold()
    {
        const string me = "scanner-under-test";
        await using var host = await TestHost.StartAsync([new SlaModule()]);
        var db = host.Services.GetRequiredService<SlaDatabase>();
        var store = host.Services.GetRequiredService<DeadlineStore>();
        var timer = host.Services.GetRequiredService<DeadlineTimer>();
        var now = DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        // Subjects JSON must escape (quote, backslash, non-ASCII) and a day's span, so nothing is due for the host's own scanner.
        var keys = new[] { "SO-\"冷气\"-1", "SO-\\2", "SO-STALE-3", "SO-OTHERS-4" }
            .Select(s => new DeadlineKey(DeadlineOwners.Dispatch, s, DeadlineKinds.OnSite)).ToList();
        await using (var unit = await db.BeginAsync())
        {
            foreach (var key in keys)
            {
                var set = timer.Apply(Deadline.Unseen(key), new Messages.Sla.DeadlineSet(key.Owner, key.SubjectId, key.Kind, "CS", now, now.AddHours(24), now));
                await store.SaveAsync(unit, Deadline.Unseen(key), set, stored: false);
            }

            await unit.ExecuteAsync("UPDATE deadlines SET claimed_by = @Me, claimed_until = @Until", new { Me = me, Until = now.AddMinutes(5) });
            await unit.CommitAsync();
        }

        var held = new List<Deadline>();
        foreach (var key in keys)
        {
            held.Add((await store.FindAsync(key, CancellationToken.None))!);
        }

        // The breach (breached, no next firing) for the first, the first warning for the others.
        var fired = held.Select((d, i) => (Before: d, After: timer.Fire(d, now.AddHours(i == 0 ? 25 : 12.5)).Deadline)).ToList();
        await using (var unit = await db.BeginAsync())
        {
            // Meanwhile: a consumer changed the third, another instance took over the fourth.
            await unit.ExecuteAsync("UPDATE deadlines SET version = version + 1 WHERE subject_id = 'SO-STALE-3'");
            await unit.ExecuteAsync("UPDATE deadlines SET claimed_by = 'another-instance' WHERE subject_id = 'SO-OTHERS-4'");
            Assert.Equal(2, await store.SaveFiredAsync(unit, fired, me));
            await unit.CommitAsync();
        }

        Assert.Equal(fired[0].After with { ClaimedBy = null, ClaimedUntil = null }, await store.FindAsync(keys[0], CancellationToken.None));
        Assert.Equal(fired[1].After with { ClaimedBy = null, ClaimedUntil = null }, await store.FindAsync(keys[1], CancellationToken.None));
        Assert.Equal(held[2] with { Version = held[2].Version + 1 }, await store.FindAsync(keys[2], CancellationToken.None));
        Assert.Equal(held[3] with { ClaimedBy = "another-instance" }, await store.FindAsync(keys[3], CancellationToken.None));
        Assert.Equal(DeadlineState.Breached, fired[0].After.State);
        Assert.NotNull(fired[0].After.BreachedAt);
        Assert.Null(fired[0].After.NextFireAt);
        Assert.Equal(0.5, fired[1].After.WarnedFraction);
    }

    [Fact]
    public async Task A_host_with_a_non_positive_scanner_setting_refuses_to_start()
    {
        var refused = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(
            () => TestHost.StartAsync([new SlaModule()], settings: [new("Sla:ScanBatchSize", "0")]));
        Assert.Contains("Sla:ScanBatchSize", refused.Message, StringComparison.Ordinal);
    }
}
