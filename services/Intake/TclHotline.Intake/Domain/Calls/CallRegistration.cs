using TclHotline.Intake.Domain.Regions;
using TclHotline.Intake.Domain.Warranty;
using TclHotline.ServiceDefaults.Validation;

namespace TclHotline.Intake.Domain.Calls;

/// <summary>A RegisterCall request that passed validation: trimmed, parsed, its district resolved.</summary>
public sealed record CallRegistration
{
    public required string IdempotencyKey { get; init; }
    public string? CallId { get; init; }
    public required string AgentId { get; init; }
    public required string CallerNumber { get; init; }
    public required string CustomerName { get; init; }
    public required District District { get; init; }
    public string? StreetAddress { get; init; }
    public required OrderType OrderType { get; init; }
    public BracketSource BracketSource { get; init; }
    public string? ProductModel { get; init; }
    public string? SerialNumber { get; init; }
    public DateOnly? PurchaseDate { get; init; }
    public string? InvoiceNumber { get; init; }
    public DateOnly? InvoiceDate { get; init; }
    public bool HasWarrantyCard { get; init; }
    public DateOnly? InstallationDate { get; init; }
    public bool InstalledThroughHotline { get; init; }
    public DateOnly? ProductionDate { get; init; }
    public FaultCategory FaultCategory { get; init; }
    public string? FaultDescription { get; init; }
    public DateTimeOffset? RequestedVisitAt { get; init; }
    public ComplaintCategory ComplaintCategory { get; init; }
    public string? ComplaintDescription { get; init; }
    public string? RelatedOrderNumber { get; init; }

    /// <summary>
    /// What the warranty engine is asked about this call's unit. Only an installation through the
    /// hotline counts for rule 10, and only a repair of a customer's unit reports a fault.
    /// </summary>
    public WarrantyRequest ToWarrantyRequest(IReadOnlyList<FaultReport> priorFaultReports, IReadOnlyList<RepairRecord> repairs) => new()
    {
        BranchTimeZone = District.Branch.TimeZone,
        SerialNumber = SerialNumber,
        LabelProductionDate = ProductionDate,
        InvoiceDate = InvoiceDate,
        HotlineInstallationDate = InstalledThroughHotline ? InstallationDate : null,
        CurrentFault = OrderType == OrderType.Repair ? FaultCategory : null,
        PriorFaultReports = priorFaultReports,
        Repairs = repairs,
    };
}

/// <summary>Either every bad field, or the registration when there is none.</summary>
public sealed record CallValidation(FieldErrors Problems, CallRegistration? Registration)
{
    public IReadOnlyList<FieldError> Errors => Problems.Errors;
    public bool IsValid => !Problems.Any;
}
