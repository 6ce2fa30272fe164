using TclHotline.Sla.Domain;
using static TclHotline.Sla.Tests.Domain.DeadlineEvents;

namespace TclHotline.Sla.Tests.Domain;

public class DeadlineTransitionTests
{
    [Fact]
    public void Set_new_deadline_is_pending_with_first_warning_next()
    {
        var d = ApplyAll(Set(startsAt: 0, dueAt: 24, setAt: 0));

        Assert.Equal(DeadlineState.Pending, d.State);
        Assert.Equal("CS", d.BranchCode);
        Assert.Equal(At(0), d.StartsAt);
        Assert.Equal(At(24), d.DueAt);
        Assert.Equal(At(24), d.EffectiveDueAt);
        Assert.Equal(At(12), d.NextFireAt);
        Assert.Equal(1, d.Version);
    }

    [Fact]
    public void Set_with_local_offset_is_stored_in_utc()
    {
        var shanghai = TimeSpan.FromHours(8);
        var e = Set() with { DueAt = new DateTimeOffset(2025, 3, 11, 9, 0, 0, shanghai) };

        var d = DefaultTimer.Apply(Fresh(), e);

        Assert.Equal(TimeSpan.Zero, d.DueAt!.Value.Offset);
        Assert.Equal(At(24), d.DueAt);
    }

    [Fact]
    public void Set_newer_set_updates_branch_start_and_due()
    {
        var d = ApplyAll(Set(dueAt: 24, setAt: 0), Set(startsAt: 1, dueAt: 30, setAt: 1, branch: "WH"));

        Assert.Equal("WH", d.BranchCode);
        Assert.Equal(At(1), d.StartsAt);
        Assert.Equal(At(30), d.DueAt);
        Assert.Equal(At(1) + TimeSpan.FromHours(29 * 0.5), d.NextFireAt);
    }

    [Fact]
    public void Set_older_than_applied_set_changes_nothing()
    {
        var newer = ApplyAll(Set(dueAt: 30, setAt: 2));

        var after = DefaultTimer.Apply(newer, Set(dueAt: 24, setAt: 1, branch: "WH"));

        Assert.Same(newer, after);
    }

    [Fact]
    public void Set_for_another_deadline_is_refused()
    {
        var other = Set() with { SubjectId = "SO-OTHER" };

        Assert.Throws<ArgumentException>(() => DefaultTimer.Apply(Fresh(), other));
    }

    [Theory]
    [InlineData("Customer", MoveCause.Customer)]
    [InlineData("provider", MoveCause.Provider)]
    public void Move_later_records_cause_and_recomputes_warnings_for_the_new_span(string cause, MoveCause expected)
    {
        var d = ApplyAll(Set(dueAt: 24), Move(newDueAt: 48, movedAt: 5, cause));

        Assert.Equal(At(48), d.DueAt);
        Assert.Equal(expected, d.MoveCause);
        Assert.Equal(At(24), d.NextFireAt);
        Assert.Equal(DeadlineState.Pending, d.State);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Dealer")]
    [InlineData("1")]
    public void Move_with_unknown_cause_is_refused(string cause)
    {
        var set = ApplyAll(Set());

        Assert.Throws<ArgumentException>(() => DefaultTimer.Apply(set, Move(30, 1, cause)));
    }

    [Fact]
    public void Pause_stops_firing_until_resumed()
    {
        var d = ApplyAll(Set(dueAt: 24), Pause(at: 3));

        Assert.True(d.IsPaused);
        Assert.Null(d.NextFireAt);
        Assert.Equal(DeadlineState.Pending, d.State);
    }

    [Fact]
    public void Resume_adds_the_paused_span_to_due_and_warnings()
    {
        var d = ApplyAll(Set(dueAt: 24), Pause(at: 3), Resume(at: 5));

        Assert.False(d.IsPaused);
        Assert.Equal(TimeSpan.FromHours(2), d.PausedSpan);
        Assert.Equal(At(26), d.EffectiveDueAt);
        Assert.Equal(At(14), d.NextFireAt);
    }

    [Fact]
    public void Resume_two_pause_cycles_add_up()
    {
        var d = ApplyAll(Set(dueAt: 24), Pause(1), Resume(2), Pause(20), Resume(23));

        Assert.Equal(TimeSpan.FromHours(4), d.PausedSpan);
        Assert.Equal(At(28), d.EffectiveDueAt);
    }

    [Fact]
    public void Move_after_a_pause_gives_the_due_time_as_is_because_it_already_includes_the_pause()
    {
        var d = ApplyAll(Set(dueAt: 24), Pause(2), Resume(4), Move(newDueAt: 30, movedAt: 6));

        Assert.Equal(TimeSpan.Zero, d.PausedSpan);
        Assert.Equal(At(30), d.EffectiveDueAt);
    }

    [Fact]
    public void Move_during_a_pause_counts_only_the_pause_after_the_move()
    {
        var d = ApplyAll(Set(dueAt: 24), Pause(2), Move(newDueAt: 30, movedAt: 3), Resume(5));

        Assert.Equal(TimeSpan.FromHours(2), d.PausedSpan);
        Assert.Equal(At(32), d.EffectiveDueAt);
    }

    [Fact]
    public void Met_before_due_is_final_without_lateness_and_nothing_more_fires()
    {
        var d = ApplyAll(Set(dueAt: 24), Met(at: 20));

        Assert.Equal(DeadlineState.Met, d.State);
        Assert.Equal(At(20), d.MetAt);
        Assert.Null(d.Lateness);
        Assert.Null(d.NextFireAt);
    }

    [Fact]
    public void Met_exactly_at_due_is_on_time()
    {
        var d = ApplyAll(Set(dueAt: 24), Met(at: 24));

        Assert.Null(d.Lateness);
        Assert.Null(d.NextFireAt);
    }

    [Fact]
    public void Met_after_due_records_lateness()
    {
        var d = ApplyAll(Set(dueAt: 24), Met(at: 26.5));

        Assert.Equal(DeadlineState.Met, d.State);
        Assert.Equal(TimeSpan.FromHours(2.5), d.Lateness);
    }

    [Fact]
    public void Met_while_paused_measures_against_the_due_stretched_by_the_pause_so_far()
    {
        var d = ApplyAll(Set(dueAt: 24), Pause(20), Met(at: 26));

        Assert.Null(d.Lateness);
        Assert.Null(d.NextFireAt);
    }

    [Fact]
    public void Cancelled_is_final_and_nothing_fires()
    {
        var d = ApplyAll(Set(dueAt: 24), Cancel(at: 3));

        Assert.Equal(DeadlineState.Cancelled, d.State);
        Assert.Equal(At(3), d.CancelledAt);
        Assert.Null(d.NextFireAt);
    }

    [Fact]
    public void Met_then_cancelled_later_stays_met()
    {
        var d = ApplyAll(Set(), Met(10), Cancel(12));

        Assert.Equal(DeadlineState.Met, d.State);
        Assert.Null(d.CancelledAt);
    }

    [Fact]
    public void Met_and_cancelled_at_the_same_instant_met_wins()
    {
        Assert.Equal(DeadlineState.Met, ApplyAll(Set(), Cancel(10), Met(10)).State);
        Assert.Equal(DeadlineState.Met, ApplyAll(Set(), Met(10), Cancel(10)).State);
    }

    [Fact]
    public void Move_to_before_the_start_breaches_at_the_new_due_with_no_span_for_warnings()
    {
        var d = ApplyAll(Set(startsAt: 10, dueAt: 34, setAt: 0), Move(newDueAt: 5, movedAt: 1));

        Assert.Equal(At(5), d.WarningInstant(0.5));
        Assert.Equal(At(5), d.NextFireAt);
    }
}
