namespace TclHotline.Messages.Sla;

/// <param name="Lateness">How long after DueAt the breach was published (timer lateness).</param>
public sealed record DeadlineBreached(
    Guid BreachId,
    string Owner,
    string SubjectId,
    string Kind,
    string BranchCode,
    DateTimeOffset DueAt,
    DateTimeOffset BreachedAt,
    TimeSpan Lateness);
