using TclHotline.Messages.Sla;
using TclHotline.Sla.Tests.Support;
using TclHotline.Testing;

namespace TclHotline.Sla.Tests.Functional;

/// <summary>
/// What fires first when more is due than one round takes: the most overdue, within a batch and across
/// batches, whatever order the rows were stored in.
/// </summary>
public sealed class ScannerOrderTests
{
    [Fact]
    public async Task Overdue_deadlines_fire_most_overdue_first_within_and_across_batches()
    {
        const int count = 30;
        // Batches of 7: the 30 overdue rows take five rounds, and each batch holds several due instants.
        await using var host = await Task.Run(() => TestHost.StartAsync([new SlaModule()], [new("Sla:ScanBatchSize", "7")]));
        var now = DateTimeOffset.UtcNow;
        // Stored least overdue first, so neither the insertion order nor the keys give the expected order.
        var subjects = await host.SeedAsync("SO-OVERDUE", Enumerable.Range(0, count).Select(i => now.AddSeconds(-1 - i)).ToList());

        await Eventually.Until(() => host.OutboxCount<DeadlineBreached>(), n => n >= count, TimeSpan.FromSeconds(30), "every breach");

        var breaches = (await host.OutboxBodies<DeadlineBreached>()).Select(ScannerFiringTests.Read<DeadlineBreached>).ToList();
        Assert.Equal(subjects.Reverse(), breaches.Select(b => b.SubjectId));
        Assert.Equal(breaches.Select(b => b.DueAt).OrderBy(d => d), breaches.Select(b => b.DueAt));
    }
}
