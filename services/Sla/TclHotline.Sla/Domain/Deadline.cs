namespace TclHotline.Sla.Domain;

/// <summary>
/// One deadline as one database row: flat fields only. Instants are UTC. Transitions live in
/// <see cref="DeadlineTimer"/>; this type holds the state and the time arithmetic on it.
/// </summary>
public sealed record Deadline
{
    public required string Owner { get; init; }
    public required string SubjectId { get; init; }
    public required string Kind { get; init; }

    /// <summary>Null until the DeadlineSet arrives.</summary>
    public string? BranchCode { get; init; }
    public DateTimeOffset? StartsAt { get; init; }

    /// <summary>The due time the owner gave last (by Set or Moved), without pauses.</summary>
    public DateTimeOffset? DueAt { get; init; }

    /// <summary>SetAt of the newest DeadlineSet applied; null while awaiting it.</summary>
    public DateTimeOffset? SetAt { get; init; }

    /// <summary>When the event that gave <see cref="DueAt"/> happened (SetAt or MovedAt).</summary>
    public DateTimeOffset? DueSetAt { get; init; }

    /// <summary>Cause of the move that gave <see cref="DueAt"/>; null when a Set gave it.</summary>
    public MoveCause? MoveCause { get; init; }

    public DeadlineState State { get; init; }

    /// <summary>Start of the pause in progress; null while running.</summary>
    public DateTimeOffset? PausedAt { get; init; }

    /// <summary>Paused time added to <see cref="DueAt"/>: completed pauses after the due was given.</summary>
    public TimeSpan PausedSpan { get; init; }

    /// <summary>End of the last completed pause, so a repeated or stale pause/resume is recognised.</summary>
    public DateTimeOffset? LastResumedAt { get; init; }

    /// <summary>A resume that arrived before its pause, kept until the pause arrives.</summary>
    public DateTimeOffset? EarlyResumedAt { get; init; }

    /// <summary>The largest warning fraction already published (0: none). Warnings go out in ascending order.</summary>
    public double WarnedFraction { get; init; }

    /// <summary>The next instant a warning or the breach is due; null when nothing more will fire.</summary>
    public DateTimeOffset? NextFireAt { get; init; }

    /// <summary>When the breach was published; it is published once per deadline.</summary>
    public DateTimeOffset? BreachedAt { get; init; }

    public DateTimeOffset? MetAt { get; init; }

    /// <summary>How long after its due time the deadline was met; null when on time or not met.</summary>
    public TimeSpan? Lateness { get; init; }

    public DateTimeOffset? CancelledAt { get; init; }

    /// <summary>Bumped by every change, for optimistic concurrency on the row.</summary>
    public long Version { get; init; }

    /// <summary>The scanner instance holding a claim on the row, and until when (its lease).</summary>
    public string? ClaimedBy { get; init; }
    public DateTimeOffset? ClaimedUntil { get; init; }

    public DeadlineKey Key => new(Owner, SubjectId, Kind);

    /// <summary>When the deadline stopped (met or cancelled); null while open.</summary>
    public DateTimeOffset? StoppedAt => MetAt ?? CancelledAt;

    public bool IsPaused => PausedAt is not null;

    /// <summary>The due time with completed pauses added; null before any due time is known.</summary>
    public DateTimeOffset? EffectiveDueAt => DueAt + PausedSpan;

    public static Deadline Unseen(DeadlineKey key) =>
        new() { Owner = key.Owner, SubjectId = key.SubjectId, Kind = key.Kind, State = DeadlineState.AwaitingSet };

    /// <summary>The due time as it stood at <paramref name="instant"/>, counting a pause still open then.</summary>
    public DateTimeOffset? DueAsOf(DateTimeOffset instant) => EffectiveDueAt + OpenPauseUpTo(instant);

    /// <summary>
    /// When the share <paramref name="fraction"/> of the current span StartsAt → DueAt has passed,
    /// pauses added; never after the due time (a due moved before StartsAt has no span).
    /// </summary>
    public DateTimeOffset? WarningInstant(double fraction)
    {
        if (StartsAt is not { } starts || DueAt is not { } due)
        {
            return null;
        }

        var span = due > starts ? due - starts : TimeSpan.Zero;
        var instant = starts + span * fraction;
        return (instant < due ? instant : due) + PausedSpan;
    }

    /// <summary>The part of a pause that counts: only time after the due in force was given.</summary>
    internal TimeSpan PauseCounted(DateTimeOffset pausedAt, DateTimeOffset resumedAt)
    {
        var from = DueSetAt is { } given && given > pausedAt ? given : pausedAt;
        return resumedAt > from ? resumedAt - from : TimeSpan.Zero;
    }

    private TimeSpan OpenPauseUpTo(DateTimeOffset instant) =>
        PausedAt is { } pausedAt ? PauseCounted(pausedAt, instant) : TimeSpan.Zero;
}
