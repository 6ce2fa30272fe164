namespace TclHotline.Intake.Domain.Calls;

/// <summary>
/// A RegisterCall request as it arrives, before validation: strings as typed (dates "yyyy-MM-dd",
/// empty meaning not given) and enum values possibly outside the defined ones.
/// </summary>
public sealed record RegisterCallInput
{
    public string? IdempotencyKey { get; init; }
    public string? CallId { get; init; }
    public string? AgentId { get; init; }
    public string? CallerNumber { get; init; }
    public string? CustomerName { get; init; }
    public string? ProvinceCode { get; init; }
    public string? CityCode { get; init; }
    public string? DistrictCode { get; init; }
    public string? StreetAddress { get; init; }
    public OrderType OrderType { get; init; }
    public BracketSource BracketSource { get; init; }
    public string? ProductModel { get; init; }
    public string? SerialNumber { get; init; }
    public string? PurchaseDate { get; init; }
    public string? InvoiceNumber { get; init; }
    public string? InvoiceDate { get; init; }
    public bool HasWarrantyCard { get; init; }
    public string? InstallationDate { get; init; }
    public bool InstalledThroughHotline { get; init; }
    public string? ProductionDate { get; init; }
    public FaultCategory FaultCategory { get; init; }
    public string? FaultDescription { get; init; }
    public DateTimeOffset? RequestedVisitAt { get; init; }
    public ComplaintCategory ComplaintCategory { get; init; }
    public string? ComplaintDescription { get; init; }
    public string? RelatedOrderNumber { get; init; }
}
