namespace TclHotline.Messages.Dispatch;

/// <summary>
/// Nobody can keep (or still keep) an order's on-site commitment: the branch's service director is
/// told at once rather than at the breach.
/// </summary>
public sealed record DispatchEscalated(
    Guid EscalationId,
    Guid OrderId,
    string BranchCode,
    string ServiceDirector,
    string Reason,
    DateTimeOffset CommitmentDue,
    DateTimeOffset EscalatedAt);
