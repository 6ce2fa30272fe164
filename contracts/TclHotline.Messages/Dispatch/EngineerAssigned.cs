namespace TclHotline.Messages.Dispatch;

/// <param name="AssignedBy">Auto | Override | Reassign</param>
/// <param name="DistanceKm">One-way distance from the outlet to the order's district: the travel fee (rule 15) is counted from it.</param>
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
    DateTimeOffset AssignedAt,
    decimal? DistanceKm = null);
