namespace TclHotline.Complaints.Domain;

/// <summary>Who complains and about what: an order, a unit (by serial number), and the engineer if one is named.</summary>
public sealed record ComplaintSubject(
    string CustomerName,
    string CustomerPhone,
    Guid? OrderId,
    string? OrderNumber,
    string? SerialNumber,
    string? EngineerId);
