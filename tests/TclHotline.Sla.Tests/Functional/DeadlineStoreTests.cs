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
    public async Task A_host_with_a_non_positive_scanner_setting_refuses_to_start()
    {
        var refused = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(
            () => TestHost.StartAsync([new SlaModule()], settings: [new("Sla:ScanBatchSize", "0")]));
        Assert.Contains("Sla:ScanBatchSize", refused.Message, StringComparison.Ordinal);
    }
}
