using TclHotline.Messages;
using TclHotline.Messages.Sla;
using TclHotline.Sla.Domain;
using TclHotline.Sla.Tests.Support;
using TclHotline.Testing;

namespace TclHotline.Sla.Tests.Functional;

/// <summary>Owner events through the host's bus into the deadlines table: duplicates and reordering converge.</summary>
public class DeadlineConsumerTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());

    private static DeadlineKey Key(string subject) => new(DeadlineOwners.Dispatch, subject, DeadlineKinds.OnSite);

    private static DeadlineSet Set(DeadlineKey k, double dueHours = 24) =>
        new(k.Owner, k.SubjectId, k.Kind, "CS", Now, Now.AddHours(dueHours), Now);

    [Fact]
    public async Task Owner_events_through_the_bus_are_stored_duplicates_and_reordering_converge()
    {
        await using var host = await TestHost.StartAsync([new SlaModule()]);

        var twice = Key("SO-CONSUME-TWICE");
        await host.Publish(Set(twice));
        await host.Publish(Set(twice));
        var set = await host.Until(twice, d => d.State == DeadlineState.Pending, "the set deadline");

        var metFirst = Key("SO-CONSUME-MET-FIRST");
        await host.Publish(new DeadlineMet(metFirst.Owner, metFirst.SubjectId, metFirst.Kind, Now.AddHours(1)));
        await host.Until(metFirst, d => d.MetAt is not null, "the met tombstone");
        await host.Publish(Set(metFirst));
        var met = await host.Until(metFirst, d => d.SetAt is not null, "the late set");

        var paused = Key("SO-CONSUME-PAUSED");
        await host.Publish(Set(paused));
        await host.Publish(new DeadlinePaused(paused.Owner, paused.SubjectId, paused.Kind, Now.AddHours(1)));
        await host.Publish(new DeadlineResumed(paused.Owner, paused.SubjectId, paused.Kind, Now.AddHours(3)));
        var resumed = await host.Until(paused, d => d.LastResumedAt is not null && d.SetAt is not null, "the resumed deadline");

        var moved = Key("SO-CONSUME-MOVED");
        await host.Publish(Set(moved));
        await host.Until(moved, d => d.SetAt is not null, "the deadline to move");
        await host.Publish(new DeadlineMoved(moved.Owner, moved.SubjectId, moved.Kind, Now.AddHours(48), "Customer", Now.AddHours(1)));
        var movedLater = await host.Until(moved, d => d.MoveCause is not null, "the moved deadline");

        var cancelled = Key("SO-CONSUME-CANCELLED");
        await host.Publish(Set(cancelled));
        await host.Until(cancelled, d => d.SetAt is not null, "the deadline to cancel");
        await host.Publish(new DeadlineCancelled(cancelled.Owner, cancelled.SubjectId, cancelled.Kind, Now.AddHours(1)));
        var withdrawn = await host.Until(cancelled, d => d.CancelledAt is not null, "the cancelled deadline");

        // Read again after all the rest went through: the second identical set changed nothing.
        set = (await host.FindDeadline(twice))!;
        Assert.Equal(1, set.Version);
        Assert.Equal(Now.AddHours(12), set.NextFireAt);
        Assert.Equal(DeadlineState.Met, met.State);
        Assert.Null(met.NextFireAt);
        Assert.Equal(TimeSpan.FromHours(2), resumed.PausedSpan);
        Assert.Equal(Now.AddHours(26), resumed.EffectiveDueAt);
        Assert.Equal(Now.AddHours(48), movedLater.EffectiveDueAt);
        Assert.Equal(DeadlineState.Cancelled, withdrawn.State);
        Assert.Null(withdrawn.NextFireAt);
    }
}
