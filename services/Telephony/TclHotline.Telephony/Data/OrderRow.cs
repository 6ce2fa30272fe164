namespace TclHotline.Telephony.Data;

/// <summary>An order as telephony's projection knows it (from ServiceOrderOpened and dispatch's events).</summary>
public sealed class OrderRow
{
    public Guid OrderId { get; init; }
    public string? OrderNumber { get; init; }
    public string BranchCode { get; init; } = "";
    public string? CustomerPhone { get; init; }
    public string? CustomerName { get; init; }
    public string? SerialNumber { get; init; }
    public string? ProductModel { get; init; }
    public bool ExchangeEligible { get; init; }
    /// <summary>Stored by the intake contract's name (Open, Assigned, AwaitingExchange, …).</summary>
    public TclHotline.Grpc.Intake.V1.OrderStatus Status { get; init; }
    public DateTimeOffset? RegisteredAt { get; init; }
    public DateTimeOffset? CommitmentDue { get; init; }
    public long FeeRevision { get; init; }
    public bool FeeChargeable { get; init; }
    public decimal? FeeTotal { get; init; }
    public bool FeeTravelIncluded { get; init; }
    public bool FeeProvisional { get; init; }
    /// <summary>Rule 17 offers, comma-separated: DepreciationExchange, TopUpExchange.</summary>
    public string? PanelExchangeOffers { get; init; }
}
