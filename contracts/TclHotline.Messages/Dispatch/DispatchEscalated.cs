namespace TclHotline.Messages.Dispatch;

/// <summary>
/// Nobody can keep (or still keep) an order's on-site commitment: the branch's service director is
/// told at once rather than at the breach. Also published when a remote order's booking deadline passed
/// with no appointment booked (<paramref name="Deadline"/> = "booking", <paramref name="CommitmentDue"/> = the
/// booking deadline).
/// </summary>
/// <param name="ServiceDirector">The owner the escalation must reach.</param>
/// <param name="Deadline">Which deadline is at stake: "on-site" (DeadlineKinds.OnSite) or "booking" (DeadlineKinds.Booking).</param>
public sealed record DispatchEscalated(
    Guid EscalationId,
    Guid OrderId,
    string BranchCode,
    string ServiceDirector,
    string Reason,
    DateTimeOffset CommitmentDue,
    DateTimeOffset EscalatedAt,
    string Deadline = DeadlineKinds.OnSite);
