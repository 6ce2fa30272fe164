namespace TclHotline.Messages.Dispatch;

public sealed record CustomerAbsent(
    Guid OrderId,
    Guid VisitId,
    string EngineerId,
    string BranchCode,
    DateTimeOffset ReportedAt);
