namespace TclHotline.Messages.Dispatch;

/// <param name="AssignedBy">Auto | Override | Reassign</param>
public sealed record EngineerAssigned(
    Guid OrderId,
    Guid VisitId,
    string EngineerId,
    string EngineerName,
    string OutletId,
    string BranchCode,
    DateTimeOffset PlannedArrival,
    DateTimeOffset CommitmentDue,
    string AssignedBy,
    DateTimeOffset AssignedAt);
