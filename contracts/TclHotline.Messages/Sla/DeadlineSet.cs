namespace TclHotline.Messages.Sla;

/// <summary>
/// An owner (dispatch, complaints, telephony…) asks the SLA timer to watch a deadline. A deadline is
/// identified by (Owner, SubjectId, Kind). The span StartsAt → DueAt is what warning fractions apply to.
/// </summary>
public sealed record DeadlineSet(
    string Owner,
    string SubjectId,
    string Kind,
    string BranchCode,
    DateTimeOffset StartsAt,
    DateTimeOffset DueAt,
    DateTimeOffset SetAt);
