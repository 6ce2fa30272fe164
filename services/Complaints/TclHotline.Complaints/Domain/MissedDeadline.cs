namespace TclHotline.Complaints.Domain;

/// <param name="Level">The level that owned the complaint when the deadline passed.</param>
public sealed record MissedDeadline(ComplaintDeadlineKind Kind, EscalationLevel Level, DateTimeOffset DueAt, DateTimeOffset MissedAt);
