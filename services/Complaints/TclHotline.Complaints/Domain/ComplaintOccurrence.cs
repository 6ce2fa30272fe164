namespace TclHotline.Complaints.Domain;

/// <summary>One cause behind a system-raised complaint: the breach or repeat call that raised it, or a later one.</summary>
/// <param name="CauseId">The breach id or repeat call id: a cause already recorded is never added twice.</param>
public sealed record ComplaintOccurrence(ComplaintSource Source, string CauseId, string Note, DateTimeOffset OccurredAt);
