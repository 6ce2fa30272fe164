namespace TclHotline.Complaints.Domain.SystemRaised;

/// <summary>What a breach or a repeat call does to an order's complaints (rule 21).</summary>
public abstract record SystemComplaintDecision;

/// <summary>
/// No complaint of this cause is being handled for the order (none yet, or only resolved or closed ones): open
/// one, with the causes that raised it.
/// </summary>
public sealed record OpenComplaint(
    ComplaintSource Source,
    ComplaintCategory Category,
    string Description,
    IReadOnlyList<ComplaintOccurrence> Causes) : SystemComplaintDecision
{
    public NewComplaint Filing(Guid id, string number, string branchCode, ComplaintSubject subject, DateTimeOffset at) =>
        new(id, number, branchCode, Category, Source, subject, Description, ComplaintActors.System, at, Causes);
}

/// <summary>The order has a complaint of this cause still being handled: the new cause joins it (see ComplaintLifecycle.AddOccurrence).</summary>
public sealed record AddToComplaint(Guid ComplaintId, ComplaintOccurrence Occurrence) : SystemComplaintDecision;

public sealed record NoComplaint(string Why) : SystemComplaintDecision;
