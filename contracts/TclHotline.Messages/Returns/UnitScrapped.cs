namespace TclHotline.Messages.Returns;

/// <summary>Rule 24: a whole unit was written off (整机报废), after the branch service director's approval.</summary>
public sealed record UnitScrapped(
    Guid ScrapId,
    string BranchCode,
    string SerialNumber,
    string Reason,
    string ApprovedBy,
    DateTimeOffset WrittenOffAt);
