using TclHotline.Intake.Domain;

namespace TclHotline.Intake.Data;

// Rows as Dapper reads them: settable properties, snake_case columns onto PascalCase, enums stored by name.

// A record so that a unit of work that changed a column it knows can say so with `with` instead of reading the row back.
public sealed record ServiceOrderRow
{
    public Guid OrderId { get; init; }
    public string OrderNumber { get; init; } = "";
    public OrderType OrderType { get; init; }
    public OrderStatus Status { get; init; }
    public string BranchCode { get; init; } = "";
    public string BranchName { get; init; } = "";
    public string ProvinceCode { get; init; } = "";
    public string CityCode { get; init; } = "";
    public string DistrictCode { get; init; } = "";
    public string DistrictName { get; init; } = "";
    public bool IsUrban { get; init; }
    public Guid CustomerId { get; init; }
    public string CustomerName { get; init; } = "";
    public string CallerNumber { get; init; } = "";
    public string? StreetAddress { get; init; }
    public string? SerialNumber { get; init; }
    public string? ProductModel { get; init; }
    public FaultCategory FaultCategory { get; init; }
    public string? FaultDescription { get; init; }
    public BracketSource BracketSource { get; init; }
    public DateTimeOffset? RequestedVisitAt { get; init; }
    public string? CallId { get; init; }
    public string AgentId { get; init; } = "";
    /// <summary>The decision as JSON, read with <see cref="StoredDecisions.Warranty"/>.</summary>
    public string WarrantyDecision { get; init; } = "";
    /// <summary>The current estimate as JSON, read with <see cref="StoredDecisions.Fee"/>.</summary>
    public string FeeEstimate { get; init; } = "";
    public int RepeatCallCount { get; init; }
    public string? EngineerId { get; init; }
    public DateTimeOffset RegisteredAt { get; init; }
    public string? CancelReason { get; init; }
    public DateTimeOffset? CancelledAt { get; init; }
    public string? OutletId { get; init; }
    public decimal? DistanceKm { get; init; }
    /// <summary>The visit time the customer chose (registration, booking, a customer move): rule 16 follows it.</summary>
    public DateTimeOffset? VisitAt { get; init; }
    public int FeeRevision { get; init; }
    /// <summary>The settlement as JSON (<see cref="StoredDecisions.Settlement"/>), once the visit is completed.</summary>
    public string? FeeSettlement { get; init; }
    /// <summary>Rule 17 offers, comma-separated domain names.</summary>
    public string? PanelExchangeOffers { get; init; }
    /// <summary>Rule 12: Pending | Genuine | False, null when the invoice was not suspicious.</summary>
    public string? InvoiceVerification { get; init; }
    public string? InvoiceVerificationReason { get; init; }
    public string? InvoiceVerifiedBy { get; init; }
    public DateTimeOffset? InvoiceVerifiedAt { get; init; }
    public string? SerialFoundOnSite { get; init; }
}

public sealed class FeeEstimateRow
{
    public int Revision { get; init; }
    public string Cause { get; init; } = "";
    public DateTimeOffset EstimatedAt { get; init; }
    /// <summary>The estimate as JSON, read with <see cref="StoredDecisions.Fee"/>.</summary>
    public string Estimate { get; init; } = "";
}

public sealed class CustomerRow
{
    public Guid CustomerId { get; init; }
    public string CallerNumber { get; init; } = "";
    public string Name { get; init; } = "";
    public string ProvinceCode { get; init; } = "";
    public string CityCode { get; init; } = "";
    public string DistrictCode { get; init; } = "";
    public string? StreetAddress { get; init; }
}

public sealed class UnitRow
{
    public string SerialNumber { get; init; } = "";
    public string? ProductModel { get; init; }
    public Guid? CustomerId { get; init; }
    public DateOnly? ProductionDate { get; init; }
    public DateOnly? PurchaseDate { get; init; }
    public string? InvoiceNumber { get; init; }
    public DateOnly? InvoiceDate { get; init; }
    public bool HasWarrantyCard { get; init; }
    public DateOnly? InstallationDate { get; init; }
    public bool InstalledThroughHotline { get; init; }
    public int DaysInRepair { get; init; }
    public int DaysWaitingForParts { get; init; }
}

public sealed class FaultReportRow
{
    public DateOnly ReportedOn { get; init; }
    public FaultCategory FaultCategory { get; init; }
}

public sealed class RepairRow
{
    public DateOnly StartedOn { get; init; }
    public int DaysInRepair { get; init; }
    public int DaysWaitingForParts { get; init; }
    public bool MainPartInvolved { get; init; }
}

public sealed class CallRow
{
    public Guid CallRecordId { get; init; }
    public string? CallId { get; init; }
    public DateTimeOffset CalledAt { get; init; }
    public OrderType OrderType { get; init; }
    public string? OrderNumber { get; init; }
    public bool RepeatCall { get; init; }
    public string AgentId { get; init; } = "";
}
