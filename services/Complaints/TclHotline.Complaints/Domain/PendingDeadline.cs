namespace TclHotline.Complaints.Domain;

/// <param name="SubjectId">The deadline's identity with the SLA timer (see <see cref="DeadlineSubject"/>).</param>
public sealed record PendingDeadline(string SubjectId, ComplaintDeadlineKind Kind, DateTimeOffset StartsAt, DateTimeOffset DueAt);
