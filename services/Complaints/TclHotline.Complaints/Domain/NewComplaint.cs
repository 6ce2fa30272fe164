namespace TclHotline.Complaints.Domain;

/// <summary>What filing a complaint takes. The id and number come from the service layer.</summary>
/// <param name="Occurrences">For a system-raised complaint, the causes that raised it; empty for an agent's.</param>
public sealed record NewComplaint(
    Guid Id,
    string Number,
    string BranchCode,
    ComplaintCategory Category,
    ComplaintSource Source,
    ComplaintSubject Subject,
    string Description,
    string FiledBy,
    DateTimeOffset FiledAt,
    IReadOnlyList<ComplaintOccurrence> Occurrences);
