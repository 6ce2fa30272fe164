using Microsoft.Extensions.Time.Testing;
using TclHotline.Messages;
using TclHotline.Messages.Sla;
using TclHotline.Sla.Domain;
using static TclHotline.Sla.Tests.Domain.DeadlineEvents;

namespace TclHotline.Sla.Tests.Domain;

/// <summary>Firing against a fake clock: each warning and the breach exactly once, with lateness.</summary>
public class DeadlineFiringTests
{
    private readonly FakeTimeProvider _clock = new(T0);

    private Deadline _deadline = ApplyAll(Set(startsAt: 0, dueAt: 24));

    [Fact]
    public void Fire_stepping_through_the_span_warns_at_50_and_80_percent_and_breaches_at_100_each_once()
    {
        var fired = new List<(TimeSpan At, DeadlineFiring Firing)>();
        for (var minute = 0; minute <= 30 * 60; minute++)
        {
            foreach (var firing in FireNow())
            {
                fired.Add((_clock.GetUtcNow() - T0, firing));
            }

            _clock.Advance(TimeSpan.FromMinutes(1));
        }

        Assert.Collection(
            fired,
            f => AssertFiring(f, TimeSpan.FromHours(12), FiringKind.Warning, 0.5),
            f => AssertFiring(f, TimeSpan.FromHours(24 * 0.8), FiringKind.Warning, 0.8),
            f => AssertFiring(f, TimeSpan.FromHours(24), FiringKind.Breach, null));
        Assert.Equal(DeadlineState.Breached, _deadline.State);
        Assert.Null(_deadline.NextFireAt);
    }

    [Fact]
    public void Fire_changes_only_the_columns_the_scanner_stores()
    {
        // SlaSql.UpdateFired writes state, warned_fraction, next_fire_at, breached_at, lateness_ms and version only.
        var firings = 0;
        foreach (var start in new[] { ApplyAll(Set(0, 24)), ApplyAll(Set(0, 24), Pause(2), Resume(5)), ApplyAll(Set(0, 24), Move(30, 1)) })
        {
            var before = start;
            foreach (var hours in new[] { 12.5, 19.5, 24.5, 31, 60 })
            {
                var result = DefaultTimer.Fire(before, At(hours));
                var after = result.Deadline;
                Assert.Equal(before, after with
                {
                    State = before.State,
                    WarnedFraction = before.WarnedFraction,
                    NextFireAt = before.NextFireAt,
                    BreachedAt = before.BreachedAt,
                    Lateness = before.Lateness,
                    Version = before.Version,
                });
                firings += result.Firings.Count;
                before = after;
            }
        }

        Assert.True(firings >= 9, $"only {firings} firings: the scenarios must warn twice and breach each");
    }

    [Fact]
    public void Fire_just_before_the_warning_fires_nothing_and_keeps_the_same_row()
    {
        _clock.Advance(TimeSpan.FromHours(12) - TimeSpan.FromTicks(1));
        var before = _deadline;

        Assert.Empty(FireNow());
        Assert.Same(before, _deadline);
    }

    [Fact]
    public void Fire_advances_next_fire_at_and_version()
    {
        _clock.Advance(TimeSpan.FromHours(12));
        FireNow();
        Assert.Equal(At(24 * 0.8), _deadline.NextFireAt);
        Assert.Equal(0.5, _deadline.WarnedFraction);
        Assert.Equal(2, _deadline.Version);

        _clock.Advance(TimeSpan.FromHours(7.2));
        FireNow();
        Assert.Equal(At(24), _deadline.NextFireAt);
        Assert.Equal(3, _deadline.Version);
    }

    [Fact]
    public void Fire_late_scanner_reports_how_late_each_firing_is()
    {
        _clock.Advance(TimeSpan.FromHours(12) + TimeSpan.FromMilliseconds(700));

        var warning = Assert.Single(FireNow());

        Assert.Equal(TimeSpan.FromMilliseconds(700), warning.Lateness);
        Assert.Equal(At(24), warning.DeadlineDueAt);
    }

    [Fact]
    public void Fire_after_downtime_fires_everything_overdue_at_once_in_order_then_nothing()
    {
        _clock.Advance(TimeSpan.FromHours(30));

        var firings = FireNow();

        Assert.Collection(
            firings,
            w => Assert.Equal((FiringKind.Warning, 0.5, TimeSpan.FromHours(18)), (w.Kind, w.Fraction!.Value, w.Lateness)),
            w => Assert.Equal((FiringKind.Warning, 0.8, TimeSpan.FromHours(30 - 19.2)), (w.Kind, w.Fraction!.Value, w.Lateness)),
            b => Assert.Equal((FiringKind.Breach, TimeSpan.FromHours(6)), (b.Kind, b.Lateness)));
        Assert.Equal(At(30), _deadline.BreachedAt);

        _clock.Advance(TimeSpan.FromHours(1));
        Assert.Empty(FireNow());
    }

    [Fact]
    public void Fire_same_instant_twice_fires_once()
    {
        _clock.Advance(TimeSpan.FromHours(24));
        Assert.Equal(3, FireNow().Count);

        Assert.Empty(FireNow());
    }

    [Fact]
    public void Fire_configured_fractions_are_used_in_ascending_order()
    {
        var timer = new DeadlineTimer(new SlaOptions { WarningFractions = [0.9, 0.25] });
        var d = timer.Apply(Fresh(), Set(startsAt: 0, dueAt: 8));
        Assert.Equal(At(2), d.NextFireAt);

        var firings = timer.Fire(d, At(7)).Firings;

        Assert.Equal([0.25], firings.Select(f => f.Fraction!.Value));
    }

    [Fact]
    public void Fire_while_paused_fires_nothing_and_resume_shifts_everything()
    {
        _deadline = DefaultTimer.Apply(_deadline, Pause(10));
        _clock.Advance(TimeSpan.FromHours(30));
        Assert.Empty(FireNow());

        _deadline = DefaultTimer.Apply(_deadline, Resume(14));

        Assert.Equal(At(16), _deadline.NextFireAt);
        Assert.Equal(At(28), _deadline.EffectiveDueAt);
        var firings = FireNow();
        Assert.Equal(3, firings.Count);
        Assert.Equal(TimeSpan.FromHours(2), firings[^1].Lateness);
    }

    [Fact]
    public void Fire_before_the_set_arrives_fires_nothing()
    {
        var awaiting = ApplyAll(Move(newDueAt: 2, movedAt: 1));

        Assert.Empty(DefaultTimer.Fire(awaiting, At(100)).Firings);
    }

    [Fact]
    public void Fire_met_before_due_never_breaches()
    {
        _clock.Advance(TimeSpan.FromHours(13));
        Assert.Single(FireNow());
        _deadline = DefaultTimer.Apply(_deadline, Met(18));

        _clock.Advance(TimeSpan.FromDays(10));

        Assert.Empty(FireNow());
        Assert.Equal(DeadlineState.Met, _deadline.State);
    }

    [Fact]
    public void Fire_met_after_the_breach_fired_records_lateness_without_a_second_breach()
    {
        _clock.Advance(TimeSpan.FromHours(24));
        FireNow();
        _deadline = DefaultTimer.Apply(_deadline, Met(27));

        _clock.Advance(TimeSpan.FromHours(5));

        Assert.Empty(FireNow());
        Assert.Equal(DeadlineState.Met, _deadline.State);
        Assert.Equal(TimeSpan.FromHours(3), _deadline.Lateness);
        Assert.Equal(At(24), _deadline.BreachedAt);
    }

    [Fact]
    public void Rule21_met_late_before_the_scanner_ran_still_publishes_the_breach_once_but_no_warnings()
    {
        // A missed on-site commitment must reach complaints as a breach even if the arrival was
        // processed first; warnings would only ask for action no longer needed.
        _deadline = DefaultTimer.Apply(_deadline, Met(25));
        Assert.Equal(At(24), _deadline.NextFireAt);
        _clock.Advance(TimeSpan.FromHours(26));

        var breach = Assert.Single(FireNow());

        Assert.Equal(FiringKind.Breach, breach.Kind);
        Assert.Equal(TimeSpan.FromHours(2), breach.Lateness);
        Assert.Equal(DeadlineState.Met, _deadline.State);
        Assert.Equal(TimeSpan.FromHours(1), _deadline.Lateness);
        Assert.Empty(FireNow());
    }

    [Fact]
    public void Fire_cancelled_before_due_never_fires()
    {
        _deadline = DefaultTimer.Apply(_deadline, Cancel(5));
        _clock.Advance(TimeSpan.FromDays(3));

        Assert.Empty(FireNow());
    }

    [Fact]
    public void Fire_cancelled_after_due_before_the_scanner_ran_publishes_the_missed_breach()
    {
        _deadline = DefaultTimer.Apply(_deadline, Cancel(30));
        _clock.Advance(TimeSpan.FromHours(31));

        var breach = Assert.Single(FireNow());

        Assert.Equal(FiringKind.Breach, breach.Kind);
        Assert.Equal(DeadlineState.Cancelled, _deadline.State);
    }

    [Fact]
    public void Fire_moved_later_after_the_first_warning_does_not_resend_it_and_warns_at_80_percent_of_the_new_span()
    {
        _clock.Advance(TimeSpan.FromHours(12));
        Assert.Single(FireNow());
        _deadline = DefaultTimer.Apply(_deadline, Move(newDueAt: 48, movedAt: 13));

        Assert.Equal(At(48 * 0.8), _deadline.NextFireAt);
        _clock.Advance(TimeSpan.FromHours(48 * 0.8 - 12));
        var warning = Assert.Single(FireNow());
        Assert.Equal(0.8, warning.Fraction);
        Assert.Equal(At(48), warning.DeadlineDueAt);
    }

    [Fact]
    public void Fire_moved_earlier_past_both_fractions_fires_both_warnings_at_once()
    {
        _clock.Advance(TimeSpan.FromHours(10));
        _deadline = DefaultTimer.Apply(_deadline, Move(newDueAt: 11, movedAt: 10));

        var firings = FireNow();

        Assert.Equal([0.5, 0.8], firings.Select(f => f.Fraction!.Value));
    }

    [Fact]
    public void Fire_moved_after_the_breach_does_not_breach_again()
    {
        _clock.Advance(TimeSpan.FromHours(24));
        FireNow();
        _deadline = DefaultTimer.Apply(_deadline, Move(newDueAt: 30, movedAt: 25));

        Assert.Equal(DeadlineState.Breached, _deadline.State);
        Assert.Null(_deadline.NextFireAt);
        _clock.Advance(TimeSpan.FromHours(10));
        Assert.Empty(FireNow());
    }

    [Fact]
    public void Rule20_a_complaint_acknowledge_deadline_passing_breaches()
    {
        // Escalation (rule 20) reacts to this breach; the timer treats every owner and kind alike.
        var timer = DefaultTimer;
        var d = timer.Apply(
            Deadline.Unseen(new DeadlineKey(DeadlineOwners.Complaints, "C-1", DeadlineKinds.Acknowledge)),
            new DeadlineSet(DeadlineOwners.Complaints, "C-1", DeadlineKinds.Acknowledge, "CS", At(0), At(2), At(0)));

        var breach = timer.Fire(d, At(2)).Firings.Single(f => f.Kind == FiringKind.Breach);

        var message = Assert.IsType<DeadlineBreached>(breach.ToMessage(d, Guid.NewGuid()));
        Assert.Equal((DeadlineOwners.Complaints, "C-1", DeadlineKinds.Acknowledge), (message.Owner, message.SubjectId, message.Kind));
    }

    [Fact]
    public void ToMessage_names_owner_subject_kind_branch_and_lateness()
    {
        _clock.Advance(TimeSpan.FromHours(25));
        var firings = FireNow();
        var id = Guid.NewGuid();

        var warned = Assert.IsType<DeadlineWarned>(firings[0].ToMessage(_deadline, id));
        var breached = Assert.IsType<DeadlineBreached>(firings[2].ToMessage(_deadline, id));

        Assert.Equal(new DeadlineWarned(id, Key.Owner, Key.SubjectId, Key.Kind, "CS", 0.5, At(24), At(25)), warned);
        Assert.Equal(new DeadlineBreached(id, Key.Owner, Key.SubjectId, Key.Kind, "CS", At(24), At(25), TimeSpan.FromHours(1)), breached);
    }

    private IReadOnlyList<DeadlineFiring> FireNow()
    {
        var result = DefaultTimer.Fire(_deadline, _clock.GetUtcNow());
        _deadline = result.Deadline;
        return result.Firings;
    }

    private static void AssertFiring((TimeSpan At, DeadlineFiring Firing) fired, TimeSpan at, FiringKind kind, double? fraction)
    {
        Assert.Equal(at, fired.At);
        Assert.Equal(kind, fired.Firing.Kind);
        Assert.Equal(fraction, fired.Firing.Fraction);
        Assert.Equal(TimeSpan.Zero, fired.Firing.Lateness);
    }
}
