namespace TclHotline.Complaints.Domain;

/// <summary>
/// A complaint's whole state. Immutable: <see cref="ComplaintLifecycle"/> and <see cref="ComplaintEscalation"/>
/// return the next state with what to publish and which deadlines to set, meet or cancel.
/// All instants are UTC.
/// </summary>
public sealed record Complaint
{
    public required Guid Id { get; init; }
    public required string Number { get; init; }
    public required string BranchCode { get; init; }
    public required ComplaintCategory Category { get; init; }
    public required ComplaintSource Source { get; init; }
    public required ComplaintSubject Subject { get; init; }
    public required string Description { get; init; }
    public required string FiledBy { get; init; }
    public required DateTimeOffset FiledAt { get; init; }

    public required ComplaintStatus Status { get; init; }
    public required EscalationLevel Level { get; init; }
    public required string Owner { get; init; }

    /// <summary>The deadlines still running with the SLA timer; a met or missed one is removed.</summary>
    public IReadOnlyList<PendingDeadline> PendingDeadlines { get; init; } = [];

    /// <summary>How many deadlines this complaint has set so far: numbers each new one's SLA subject.</summary>
    public int DeadlinesSet { get; init; }

    public DateTimeOffset? AcknowledgedAt { get; init; }
    public Resolution? Resolution { get; init; }
    public int? SatisfactionScore { get; init; }
    public DateTimeOffset? ClosedAt { get; init; }

    public IReadOnlyList<EscalationStep> Escalations { get; init; } = [];
    public IReadOnlyList<MissedDeadline> MissedDeadlines { get; init; } = [];
    public IReadOnlyList<ComplaintOccurrence> Occurrences { get; init; } = [];
    public IReadOnlyList<Reopening> Reopenings { get; init; } = [];

    public PendingDeadline? Pending(ComplaintDeadlineKind kind) => PendingDeadlines.SingleOrDefault(d => d.Kind == kind);

    public PendingDeadline? PendingBySubject(string subjectId) =>
        PendingDeadlines.SingleOrDefault(d => d.SubjectId == subjectId);

    /// <summary>Replaces any pending deadline of the same kind.</summary>
    public Complaint WithPending(PendingDeadline deadline) =>
        this with { PendingDeadlines = [.. PendingDeadlines.Where(d => d.Kind != deadline.Kind), deadline] };

    public Complaint WithoutPending(ComplaintDeadlineKind kind) =>
        this with { PendingDeadlines = [.. PendingDeadlines.Where(d => d.Kind != kind)] };

    public bool HasCause(string causeId) => Occurrences.Any(o => o.CauseId == causeId);
}
