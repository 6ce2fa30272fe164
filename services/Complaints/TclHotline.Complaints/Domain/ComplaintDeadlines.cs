namespace TclHotline.Complaints.Domain;

/// <summary>Starts and meets a complaint's deadlines (rule 20), spans by category from configuration.</summary>
public sealed class ComplaintDeadlines(ComplaintDeadlineOptions options)
{
    public TimeSpan Span(ComplaintCategory category, ComplaintDeadlineKind kind)
    {
        options.ByCategory.TryGetValue(category, out var overrides);
        return kind switch
        {
            ComplaintDeadlineKind.Acknowledge => overrides?.AcknowledgeWithin ?? options.AcknowledgeWithin,
            ComplaintDeadlineKind.Resolve => overrides?.ResolveWithin ?? options.ResolveWithin,
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
    }

    /// <summary>A fresh deadline of this kind from <paramref name="at"/>, replacing any pending one of the kind.</summary>
    public (Complaint Complaint, SetDeadline Instruction) Start(Complaint complaint, ComplaintDeadlineKind kind, DateTimeOffset at)
    {
        var sequence = complaint.DeadlinesSet + 1;
        var deadline = new PendingDeadline(
            DeadlineSubject.Format(complaint.Id, sequence), kind, at, at + Span(complaint.Category, kind));
        var next = complaint.WithPending(deadline) with { DeadlinesSet = sequence };
        return (next, new SetDeadline(deadline.SubjectId, kind, complaint.BranchCode, deadline.StartsAt, deadline.DueAt));
    }

    /// <summary>The pending deadline of this kind is met; none pending (already missed at the top level) asks nothing.</summary>
    public static (Complaint Complaint, IReadOnlyList<DeadlineInstruction> Instructions) Meet(
        Complaint complaint, ComplaintDeadlineKind kind, DateTimeOffset at)
    {
        var pending = complaint.Pending(kind);
        return pending is null
            ? (complaint, [])
            : (complaint.WithoutPending(kind), [new MeetDeadline(pending.SubjectId, kind, at)]);
    }
}
