namespace TclHotline.Messages.Intake;

/// <summary>
/// A complaint-type call: registered as a call by intake and handed to the complaint desk.
/// </summary>
/// <param name="Category">LateOrMissedVisit | EngineerConduct | FeeDispute | RepairQuality | ProductQuality | DealerConduct</param>
public sealed record ComplaintCallRegistered(
    Guid CallRecordId,
    string? CallId,
    string BranchCode,
    string CustomerName,
    string CustomerPhone,
    Guid? OrderId,
    string? OrderNumber,
    string? SerialNumber,
    string? EngineerId,
    string Category,
    string Description,
    string AgentId,
    DateTimeOffset RegisteredAt);
