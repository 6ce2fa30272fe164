namespace TclHotline.Messages.Complaints;

public sealed record ComplaintStatusChanged(
    Guid ComplaintId,
    string ComplaintNumber,
    string BranchCode,
    string FromStatus,
    string ToStatus,
    string ChangedBy,
    DateTimeOffset ChangedAt);
