namespace TclHotline.Messages.Dispatch;

/// <param name="Early">Arrived before the booked window opened: recorded as it happened, shown as early.</param>
public sealed record EngineerArrived(
    Guid OrderId,
    Guid VisitId,
    string EngineerId,
    string BranchCode,
    DateTimeOffset ArrivedAt,
    DateTimeOffset CommitmentDue,
    bool OnTime,
    bool Early = false);
