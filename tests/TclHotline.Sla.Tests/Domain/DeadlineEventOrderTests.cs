using TclHotline.Sla.Domain;
using static TclHotline.Sla.Tests.Domain.DeadlineEvents;

namespace TclHotline.Sla.Tests.Domain;

/// <summary>Duplicates change nothing; any arrival order ends in the state the event times say.</summary>
public class DeadlineEventOrderTests
{
    public static TheoryData<string, object> EveryEvent() => new()
    {
        { "set", Set() },
        { "newer set", Set(dueAt: 30, setAt: 1) },
        { "move", Move(newDueAt: 36, movedAt: 2) },
        { "pause", Pause(3) },
        { "resume", Resume(5) },
        { "met", Met(20) },
        { "cancel", Cancel(21) },
    };

    [Theory]
    [MemberData(nameof(EveryEvent))]
    public void Duplicate_of_every_event_changes_nothing(string name, object e)
    {
        var history = new object[] { Set(), Pause(3) }.Where(h => !h.Equals(e)).Append(e).ToArray();
        var once = ApplyAll(history);

        var twice = DefaultTimer.Apply(once, e);

        Assert.True(ReferenceEquals(once, twice), $"a repeated {name} changed the deadline");
    }

    [Fact]
    public void Duplicate_of_a_whole_history_changes_nothing()
    {
        object[] history = [Set(), Move(30, 1), Pause(2), Resume(4), Met(31)];
        var once = ApplyAll(history);

        var again = history.Aggregate(once, DefaultTimer.Apply);

        Assert.Same(once, again);
        Assert.Equal(history.Length, once.Version);
    }

    [Fact]
    public void Met_before_set_keeps_a_tombstone_that_the_set_fills_in()
    {
        var metFirst = ApplyAll(Met(10));
        Assert.Equal(DeadlineState.Met, metFirst.State);
        Assert.Null(metFirst.NextFireAt);

        var d = DefaultTimer.Apply(metFirst, Set(dueAt: 24, setAt: 0));

        Assert.Equal(DeadlineState.Met, d.State);
        Assert.Equal(At(24), d.DueAt);
        Assert.Null(d.Lateness);
        Assert.Null(d.NextFireAt);
    }

    [Fact]
    public void Cancelled_before_set_a_set_stamped_after_the_cancellation_does_not_resurrect_it()
    {
        var d = ApplyAll(Cancel(10), Set(dueAt: 40, setAt: 11));

        Assert.Equal(DeadlineState.Cancelled, d.State);
        Assert.Null(d.SetAt);
        Assert.Null(d.NextFireAt);
    }

    [Fact]
    public void Moved_before_set_the_older_set_does_not_undo_the_move()
    {
        var movedFirst = ApplyAll(Move(newDueAt: 48, movedAt: 5));
        Assert.Equal(DeadlineState.AwaitingSet, movedFirst.State);
        Assert.Null(movedFirst.NextFireAt);

        var d = DefaultTimer.Apply(movedFirst, Set(dueAt: 24, setAt: 0));

        Assert.Equal(DeadlineState.Pending, d.State);
        Assert.Equal(At(48), d.DueAt);
        Assert.Equal(MoveCause.Customer, d.MoveCause);
        Assert.Equal("CS", d.BranchCode);
    }

    [Fact]
    public void Set_older_than_an_applied_move_does_not_undo_the_move()
    {
        var d = ApplyAll(Set(dueAt: 24, setAt: 0), Move(48, 5), Set(dueAt: 30, setAt: 3));

        Assert.Equal(At(48), d.DueAt);
        Assert.Equal(At(3), d.SetAt);
    }

    [Fact]
    public void Set_newer_than_an_applied_move_gives_the_due_time()
    {
        var d = ApplyAll(Set(dueAt: 24, setAt: 0), Move(48, 5), Set(dueAt: 30, setAt: 6));

        Assert.Equal(At(30), d.DueAt);
        Assert.Null(d.MoveCause);
    }

    [Fact]
    public void Set_and_move_at_the_same_instant_the_move_wins_in_either_order()
    {
        var setFirst = ApplyAll(Set(dueAt: 24, setAt: 1), Move(48, 1));
        var moveFirst = ApplyAll(Move(48, 1), Set(dueAt: 24, setAt: 1));

        Assert.Equal(At(48), setFirst.DueAt);
        Assert.Equal(setFirst.Facts(), moveFirst.Facts());
    }

    [Fact]
    public void Resumed_before_paused_pairs_up_when_the_pause_arrives()
    {
        var resumedFirst = ApplyAll(Set(dueAt: 24), Resume(5));
        Assert.False(resumedFirst.IsPaused);
        Assert.Equal(At(5), resumedFirst.EarlyResumedAt);

        var d = DefaultTimer.Apply(resumedFirst, Pause(3));

        Assert.False(d.IsPaused);
        Assert.Null(d.EarlyResumedAt);
        Assert.Equal(At(26), d.EffectiveDueAt);
    }

    [Fact]
    public void Resumed_twice_before_any_pause_the_pause_takes_the_earliest_resume()
    {
        var d = ApplyAll(Set(dueAt: 24), Resume(5), Resume(9), Pause(3));

        Assert.Equal(TimeSpan.FromHours(2), d.PausedSpan);
        Assert.False(d.IsPaused);
    }

    [Fact]
    public void Met_before_a_move_stamped_earlier_lateness_is_measured_against_the_moved_due()
    {
        var d = ApplyAll(Set(dueAt: 24), Met(28), Move(newDueAt: 30, movedAt: 10));

        Assert.Equal(At(30), d.DueAt);
        Assert.Null(d.Lateness);
    }

    [Fact]
    public void Move_stamped_after_met_changes_nothing()
    {
        var met = ApplyAll(Set(dueAt: 24), Met(28));

        Assert.Same(met, DefaultTimer.Apply(met, Move(newDueAt: 30, movedAt: 29)));
        Assert.Equal(TimeSpan.FromHours(4), met.Lateness);
    }

    [Fact]
    public void Cancelled_then_an_earlier_met_the_earlier_stop_wins()
    {
        var d = ApplyAll(Set(), Cancel(12), Met(10));

        Assert.Equal(DeadlineState.Met, d.State);
        Assert.Null(d.CancelledAt);
    }

    public static TheoryData<string, object[], DeadlineState, double, double?> Histories() => new()
    {
        // name, events in time order, final state, effective due (h), lateness (h)
        { "moved, paused and met late", [Set(), Move(30, 1), Pause(2), Resume(4), Met(35)], DeadlineState.Met, 32, 3 },
        { "pause before the move is absorbed", [Set(), Pause(4), Resume(6), Move(30, 10), Met(31)], DeadlineState.Met, 30, 1 },
        { "move during a pause", [Set(), Pause(2), Move(30, 3), Resume(5), Met(20)], DeadlineState.Met, 32, null },
        { "re-set then cancelled", [Set(), Set(dueAt: 40, setAt: 2), Pause(3), Resume(4), Cancel(9)], DeadlineState.Cancelled, 41, null },
        { "provider move then paused", [Set(), Move(20, 1, "Provider"), Pause(5), Resume(8), Met(22)], DeadlineState.Met, 23, null },
    };

    [Theory]
    [MemberData(nameof(Histories))]
    public void Out_of_order_every_arrival_order_ends_in_the_same_right_state(
        string name, object[] events, DeadlineState state, double effectiveDue, double? latenessHours)
    {
        var inOrder = ApplyAll(events);
        Assert.Equal(state, inOrder.State);
        Assert.Equal(At(effectiveDue), inOrder.DueAsOf(inOrder.StoppedAt!.Value));
        Assert.Equal(latenessHours is { } h ? TimeSpan.FromHours(h) : null, inOrder.Lateness);

        foreach (var order in Permutations(events))
        {
            var d = ApplyAll(order);
            Assert.True(inOrder.Facts() == d.Facts(), $"{name}: arrival order {Describe(order)} ended as {d}, in order {inOrder}");
        }
    }

    private static IEnumerable<object[]> Permutations(object[] items) =>
        items.Length <= 1
            ? [items]
            : items.SelectMany((first, i) =>
                Permutations([.. items[..i], .. items[(i + 1)..]]).Select(rest => (object[])[first, .. rest]));

    private static string Describe(IEnumerable<object> events) => string.Join(", ", events.Select(e => e.GetType().Name));
}
