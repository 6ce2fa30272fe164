namespace TclHotline.Messages.Sla;

/// <param name="Cause">Customer | Provider</param>
public sealed record DeadlineMoved(
    string Owner,
    string SubjectId,
    string Kind,
    DateTimeOffset NewDueAt,
    string Cause,
    DateTimeOffset MovedAt);
