namespace TclHotline.Complaints.Data;

// Rows as stored: enums as their names, levels as the bus's numbers. Classes with init properties,
// not positional records, because SQLite returns Int64 and Dapper's constructor matching is exact.

internal sealed class ComplaintRow
{
    public Guid Id { get; init; }
    public string Number { get; init; } = "";
    public string BranchCode { get; init; } = "";
    public string Category { get; init; } = "";
    public string Source { get; init; } = "";
    public string CustomerName { get; init; } = "";
    public string CustomerPhone { get; init; } = "";
    public Guid? OrderId { get; init; }
    public string? OrderNumber { get; init; }
    public string? SerialNumber { get; init; }
    public string? EngineerId { get; init; }
    public string Description { get; init; } = "";
    public string FiledBy { get; init; } = "";
    public DateTimeOffset FiledAt { get; init; }
    public string Status { get; init; } = "";
    public int Level { get; init; }
    public string Owner { get; init; } = "";
    public int DeadlinesSet { get; init; }
    public DateTimeOffset? AcknowledgedAt { get; init; }
    public string? ResolutionText { get; init; }
    public decimal? Compensation { get; init; }
    public string? ResolvedBy { get; init; }
    public DateTimeOffset? ResolvedAt { get; init; }
    public int? SatisfactionScore { get; init; }
    public DateTimeOffset? ClosedAt { get; init; }
}

internal sealed class PendingDeadlineRow
{
    public string SubjectId { get; init; } = "";
    public string Kind { get; init; } = "";
    public DateTimeOffset StartsAt { get; init; }
    public DateTimeOffset DueAt { get; init; }
}

internal sealed class EscalationRow
{
    public int FromLevel { get; init; }
    public int ToLevel { get; init; }
    public string Owner { get; init; } = "";
    public string TriggerKind { get; init; } = "";
    public string Reason { get; init; } = "";
    public string EscalatedBy { get; init; } = "";
    public DateTimeOffset EscalatedAt { get; init; }
}

internal sealed class MissedDeadlineRow
{
    public string Kind { get; init; } = "";
    public int Level { get; init; }
    public DateTimeOffset DueAt { get; init; }
    public DateTimeOffset MissedAt { get; init; }
}

internal sealed class OccurrenceRow
{
    public string CauseId { get; init; } = "";
    public string Source { get; init; } = "";
    public string Note { get; init; } = "";
    public DateTimeOffset OccurredAt { get; init; }
}

internal sealed class ReopeningRow
{
    public string Reason { get; init; } = "";
    public string ReopenedBy { get; init; } = "";
    public DateTimeOffset ReopenedAt { get; init; }
}
