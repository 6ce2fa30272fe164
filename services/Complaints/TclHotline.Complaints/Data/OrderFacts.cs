namespace TclHotline.Complaints.Data;

/// <summary>What this service knows of a service order, from Intake's ServiceOrderOpened and Dispatch's EngineerAssigned.</summary>
public sealed class OrderFact
{
    public Guid OrderId { get; init; }
    public string OrderNumber { get; init; } = "";
    public string BranchCode { get; init; } = "";
    public string CustomerName { get; init; } = "";
    public string CustomerPhone { get; init; } = "";
    public string SerialNumber { get; init; } = "";

    /// <summary>The engineer last assigned, if any.</summary>
    public string? EngineerId { get; init; }
}
