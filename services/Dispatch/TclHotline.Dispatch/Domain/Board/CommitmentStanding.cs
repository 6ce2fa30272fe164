using TclHotline.Dispatch.Domain.Planning;

namespace TclHotline.Dispatch.Domain.Board;

/// <summary>Reads a commitment's state for the board from the clock and the visit's progress.</summary>
public sealed class CommitmentStanding(DispatchOptions options)
{
    public CommitmentState StateOf(Commitment commitment, VisitProgress progress, DateTimeOffset now)
    {
        if (progress.ArrivedAt is { } arrived)
        {
            return arrived <= commitment.DueAt ? CommitmentState.Met : CommitmentState.Breached;
        }

        if (now > commitment.DueAt)
        {
            return CommitmentState.Breached;
        }

        if (progress.Escalated || progress.PlannedArrival is not { } planned || planned > commitment.DueAt)
        {
            return CommitmentState.AtRisk;
        }

        return WarningPassed(commitment, now) ? CommitmentState.Warned : CommitmentState.OnTrack;
    }

    /// <summary>
    /// Rule 2, remote: a booking deadline still running, read like a commitment with nobody to send yet: breached
    /// once passed, warned from the first warning share (or the SLA timer's warning), on track before.
    /// </summary>
    public CommitmentState BookingStateOf(DateTimeOffset startsAt, DateTimeOffset dueAt, bool breached, bool warned, DateTimeOffset now)
    {
        if (breached || now > dueAt)
        {
            return CommitmentState.Breached;
        }

        return warned || WarningPassed(startsAt, dueAt, now) ? CommitmentState.Warned : CommitmentState.OnTrack;
    }

    /// <summary>Time left to the commitment; negative once it has passed.</summary>
    public static TimeSpan TimeLeft(Commitment commitment, DateTimeOffset now) => commitment.DueAt - now;

    private bool WarningPassed(Commitment commitment, DateTimeOffset now) => WarningPassed(commitment.StartsAt, commitment.DueAt, now);

    private bool WarningPassed(DateTimeOffset startsAt, DateTimeOffset dueAt, DateTimeOffset now) =>
        dueAt > startsAt && (now - startsAt) / (dueAt - startsAt) >= options.Warnings.Min();
}
