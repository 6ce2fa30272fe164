using TclHotline.Messages.Sla;

namespace TclHotline.Sla.Domain;

/// <summary>
/// How each owner event changes a deadline's stored facts, judged by the event's own timestamp
/// rather than by arrival order, so duplicates change nothing and reordered events converge.
/// Derived fields (state, lateness, next fire, version) are settled by <see cref="DeadlineTimer"/>.
/// Rules:
/// - Met and Cancelled are final (a tombstone): an event stamped after the stop changes nothing;
///   one stamped before it still applies (it was merely delivered late). The earlier stop wins.
/// - The due time comes from the newest Set or Moved by timestamp; a Move wins a tie with a Set.
///   A Set older than the newest applied Set changes nothing; one older than a Move still supplies
///   branch and start but not the due time.
/// - A due time given by Set or Moved already includes earlier pauses; only pause time after it
///   is added. (Exact when at most one completed pause ends after it; pauses arrive cycle by cycle.)
/// </summary>
internal static class DeadlineTransitions
{
    public static Deadline Set(Deadline d, DeadlineSet e)
    {
        EnsureSameKey(d, e.Owner, e.SubjectId, e.Kind);
        var setAt = e.SetAt.ToUniversalTime();
        if (d.SetAt is { } applied && setAt <= applied || IsAfterStop(d, setAt))
        {
            return d;
        }

        var next = d with { BranchCode = e.BranchCode, StartsAt = e.StartsAt.ToUniversalTime(), SetAt = setAt };
        return d.DueSetAt is { } given && setAt <= given
            ? next
            : GiveDue(next, e.DueAt, setAt, cause: null);
    }

    public static Deadline Move(Deadline d, DeadlineMoved e)
    {
        EnsureSameKey(d, e.Owner, e.SubjectId, e.Kind);
        var cause = ParseCause(e.Cause);
        var movedAt = e.MovedAt.ToUniversalTime();
        var newer = d.DueSetAt is not { } given || movedAt > given || movedAt == given && d.MoveCause is null;
        return newer && !IsAfterStop(d, movedAt) ? GiveDue(d, e.NewDueAt, movedAt, cause) : d;
    }

    public static Deadline Pause(Deadline d, DeadlinePaused e)
    {
        EnsureSameKey(d, e.Owner, e.SubjectId, e.Kind);
        var pausedAt = e.PausedAt.ToUniversalTime();
        var alreadyPaused = d.PausedAt is not null;
        var ofClosedCycle = d.LastResumedAt is { } lastResumed && pausedAt < lastResumed;
        if (alreadyPaused || ofClosedCycle || IsAfterStop(d, pausedAt))
        {
            return d;
        }

        if (d.EarlyResumedAt is { } early && pausedAt <= early)
        {
            return Close(d with { EarlyResumedAt = null }, pausedAt, early);
        }

        // An early resume stamped before this pause belonged to a cycle whose pause never came.
        return d with { PausedAt = pausedAt, EarlyResumedAt = null };
    }

    public static Deadline Resume(Deadline d, DeadlineResumed e)
    {
        EnsureSameKey(d, e.Owner, e.SubjectId, e.Kind);
        var resumedAt = e.ResumedAt.ToUniversalTime();
        if (IsAfterStop(d, resumedAt))
        {
            return d;
        }

        if (d.PausedAt is { } pausedAt)
        {
            return resumedAt < pausedAt ? d : Close(d with { PausedAt = null }, pausedAt, resumedAt);
        }

        var repeated = d.LastResumedAt is { } lastResumed && resumedAt <= lastResumed;
        var earlierOrphan = d.EarlyResumedAt is { } early && early <= resumedAt;
        return repeated || earlierOrphan ? d : d with { EarlyResumedAt = resumedAt };
    }

    public static Deadline Meet(Deadline d, DeadlineMet e)
    {
        EnsureSameKey(d, e.Owner, e.SubjectId, e.Kind);
        var metAt = e.MetAt.ToUniversalTime();
        // A tie with a cancellation goes to Met: the work was done.
        var stoppedEarlier = d.MetAt is { } met && met <= metAt || d.CancelledAt is { } cancelled && cancelled < metAt;
        return stoppedEarlier ? d : d with { MetAt = metAt, CancelledAt = null };
    }

    public static Deadline Cancel(Deadline d, DeadlineCancelled e)
    {
        EnsureSameKey(d, e.Owner, e.SubjectId, e.Kind);
        var cancelledAt = e.CancelledAt.ToUniversalTime();
        var stoppedEarlier = d.StoppedAt is { } stop && stop <= cancelledAt;
        return stoppedEarlier ? d : d with { CancelledAt = cancelledAt, MetAt = null };
    }

    private static Deadline GiveDue(Deadline d, DateTimeOffset dueAt, DateTimeOffset givenAt, MoveCause? cause) =>
        d with
        {
            DueAt = dueAt.ToUniversalTime(),
            DueSetAt = givenAt,
            MoveCause = cause,
            PausedSpan = PauseAfter(d, givenAt),
        };

    /// <summary>
    /// Completed pause time after <paramref name="givenAt"/>. All of it lies between givenAt and the
    /// last resume, so it is at most that interval.
    /// </summary>
    private static TimeSpan PauseAfter(Deadline d, DateTimeOffset givenAt)
    {
        if (d.LastResumedAt is not { } lastResumed || lastResumed <= givenAt)
        {
            return TimeSpan.Zero;
        }

        var bound = lastResumed - givenAt;
        return d.PausedSpan < bound ? d.PausedSpan : bound;
    }

    private static Deadline Close(Deadline d, DateTimeOffset pausedAt, DateTimeOffset resumedAt) =>
        d with { PausedSpan = d.PausedSpan + d.PauseCounted(pausedAt, resumedAt), LastResumedAt = resumedAt };

    private static bool IsAfterStop(Deadline d, DateTimeOffset instant) => d.StoppedAt is { } stop && instant > stop;

    private static MoveCause ParseCause(string cause) =>
        cause.Length > 0 && char.IsLetter(cause[0]) && Enum.TryParse<MoveCause>(cause, ignoreCase: true, out var parsed)
            ? parsed
            : throw new ArgumentException($"DeadlineMoved.Cause must be Customer or Provider, was '{cause}'.", nameof(cause));

    private static void EnsureSameKey(Deadline d, string owner, string subjectId, string kind)
    {
        if (d.Key != new DeadlineKey(owner, subjectId, kind))
        {
            throw new ArgumentException($"Event for {owner}/{subjectId}/{kind} applied to deadline {d.Key}.");
        }
    }
}
