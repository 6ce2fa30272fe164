using TclHotline.Messages.Sla;

namespace TclHotline.Sla.Domain;

public enum FiringKind
{
    Warning,
    Breach,
}

/// <summary>
/// A warning or the breach that came due. <paramref name="DueInstant"/> is when it was due,
/// <paramref name="DeadlineDueAt"/> the deadline's due time then, <paramref name="FiredAt"/> the
/// "now" it fired at.
/// </summary>
public sealed record DeadlineFiring(
    FiringKind Kind,
    double? Fraction,
    DateTimeOffset DueInstant,
    DateTimeOffset DeadlineDueAt,
    DateTimeOffset FiredAt)
{
    public TimeSpan Lateness => FiredAt - DueInstant;

    /// <summary>The bus message for this firing; <paramref name="id"/> becomes its WarningId or BreachId.</summary>
    public object ToMessage(Deadline deadline, Guid id)
    {
        var branch = deadline.BranchCode
            ?? throw new InvalidOperationException($"Deadline {deadline.Key} fired without a branch.");
        return Kind switch
        {
            FiringKind.Warning => new DeadlineWarned(
                id, deadline.Owner, deadline.SubjectId, deadline.Kind, branch, Fraction ?? 0, DeadlineDueAt, FiredAt),
            _ => new DeadlineBreached(
                id, deadline.Owner, deadline.SubjectId, deadline.Kind, branch, DeadlineDueAt, FiredAt, Lateness),
        };
    }
}

/// <summary>The deadline after firing, and what fired, in order.</summary>
public sealed record FireResult(Deadline Deadline, IReadOnlyList<DeadlineFiring> Firings);
