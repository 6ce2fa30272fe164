namespace TclHotline.Messages.Sla;

public sealed record DeadlineMet(string Owner, string SubjectId, string Kind, DateTimeOffset MetAt);
