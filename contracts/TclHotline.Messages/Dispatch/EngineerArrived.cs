namespace TclHotline.Messages.Dispatch;

public sealed record EngineerArrived(
    Guid OrderId,
    Guid VisitId,
    string EngineerId,
    string BranchCode,
    DateTimeOffset ArrivedAt,
    DateTimeOffset CommitmentDue,
    bool OnTime);
