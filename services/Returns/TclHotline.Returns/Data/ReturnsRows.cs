namespace TclHotline.Returns.Data;

// Rows as stored: enums as their names, money as decimals, dates as DateOnly. Mapped to proto in Api.

public sealed class DealerUnitRow
{
    public string SerialNumber { get; init; } = "";
    public string ProductModel { get; init; } = "";
    public string DealerCode { get; init; } = "";
    public string BranchCode { get; init; } = "";
    public DateOnly DeliveredOn { get; init; }
    public string Status { get; init; } = "";
}

public sealed class PreSaleReportRow
{
    public Guid Id { get; init; }
    public string BranchCode { get; init; } = "";
    public string DealerCode { get; init; } = "";
    public string SerialNumber { get; init; } = "";
    public string ProductModel { get; init; } = "";
    public string Finding { get; init; } = "";
    public string Description { get; init; } = "";
    public string ReportedBy { get; init; } = "";
    public DateTimeOffset ReportedAt { get; init; }
    public Guid? OrderId { get; init; }
    public string? OrderNumber { get; init; }
    public string? Attribution { get; init; }
    public string? CostBearer { get; init; }
    public string? EvidencePhotoIds { get; init; }
    public string? InspectionNote { get; init; }
    public string? InspectedBy { get; init; }
    public DateTimeOffset? InspectedAt { get; init; }
}

public sealed class AttributionChangeRow
{
    public string FromAttribution { get; init; } = "";
    public string ToAttribution { get; init; } = "";
    public string Reason { get; init; } = "";
    public string ChangedBy { get; init; } = "";
    public DateTimeOffset ChangedAt { get; init; }
}

public sealed class DamageCountRow
{
    public string Finding { get; init; } = "";
    public string? Attribution { get; init; }
    public int Count { get; init; }
}

public sealed class OrderFactRow
{
    public Guid OrderId { get; init; }
    public string OrderNumber { get; init; } = "";
    public string BranchCode { get; init; } = "";
    public string SerialNumber { get; init; } = "";
    public DateTimeOffset RegisteredAt { get; init; }
    public DateTimeOffset? CompletedAt { get; init; }
    public int? DaysInRepair { get; init; }
    public int? DaysWaitingForParts { get; init; }
    public DateTimeOffset? CancelledAt { get; init; }
    public DateTimeOffset? SlowRepairDecidedAt { get; init; }
}

public sealed class MerchantReturnRow
{
    public Guid Id { get; init; }
    public string BranchCode { get; init; } = "";
    public string DealerCode { get; init; } = "";
    public string SerialNumber { get; init; } = "";
    public string ProductModel { get; init; } = "";
    public string Reason { get; init; } = "";
    public string ReturnClass { get; init; } = "";
    public string Note { get; init; } = "";
    public string RegisteredBy { get; init; } = "";
    public DateTimeOffset RegisteredAt { get; init; }
    public DateOnly RegisteredOn { get; init; }
}

public sealed class SlowOrderRow
{
    public Guid OrderId { get; init; }
    public string OrderNumber { get; init; } = "";
    public string SlowBy { get; init; } = "";
    public int Days { get; init; }
    public int ThresholdDays { get; init; }
}

public sealed class DealerClassCountRow
{
    public string DealerCode { get; init; } = "";
    public string ReturnClass { get; init; } = "";
    public int Count { get; init; }
}

public sealed class DealerCountRow
{
    public string DealerCode { get; init; } = "";
    public int Count { get; init; }
}

public sealed class ScrapRow
{
    public Guid Id { get; init; }
    public string BranchCode { get; init; } = "";
    public string SerialNumber { get; init; } = "";
    public string ProductModel { get; init; } = "";
    public string Reason { get; init; } = "";
    public string Step { get; init; } = "";
}

public sealed class StepRow
{
    public string Step { get; init; } = "";
    public string DoneBy { get; init; } = "";
    public DateTimeOffset DoneAt { get; init; }
    public string Note { get; init; } = "";
}

public sealed class PanelExchangeRow
{
    public Guid OrderId { get; init; }
    public string OrderNumber { get; init; } = "";
    public string BranchCode { get; init; } = "";
    public string SerialNumber { get; init; } = "";
    public string Offers { get; init; } = "";
    public string? Choice { get; init; }
    public decimal? PurchasePrice { get; init; }
    public DateOnly? PurchasedOn { get; init; }
    public int? AgeMonths { get; init; }
    public decimal? DepreciationPercent { get; init; }
    public decimal? DepreciatedValue { get; init; }
    public string? NewModel { get; init; }
    public decimal? NewModelPrice { get; init; }
    public decimal? TopUp { get; init; }
    public string Step { get; init; } = "";
}

public sealed class InvoiceCaseRow
{
    public string DealerCode { get; init; } = "";
    public Guid OrderId { get; init; }
    public string OrderNumber { get; init; } = "";
    public string SerialNumber { get; init; } = "";
    public DateTimeOffset InvoiceFlaggedAt { get; init; }
    public DateTimeOffset? InvoiceVerifiedAt { get; init; }
    public bool? ChargeableAfterVerification { get; init; }
}
