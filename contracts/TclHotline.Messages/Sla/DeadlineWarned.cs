namespace TclHotline.Messages.Sla;

/// <param name="Fraction">The share of the span that has passed (0.5, 0.8 by default).</param>
public sealed record DeadlineWarned(
    Guid WarningId,
    string Owner,
    string SubjectId,
    string Kind,
    string BranchCode,
    double Fraction,
    DateTimeOffset DueAt,
    DateTimeOffset WarnedAt);
