namespace TclHotline.Messages.Sla;

public sealed record DeadlinePaused(string Owner, string SubjectId, string Kind, DateTimeOffset PausedAt);
