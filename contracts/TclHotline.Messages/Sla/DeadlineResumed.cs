namespace TclHotline.Messages.Sla;

/// <summary>The paused span (ResumedAt − PausedAt) is added to the due time.</summary>
public sealed record DeadlineResumed(string Owner, string SubjectId, string Kind, DateTimeOffset ResumedAt);
