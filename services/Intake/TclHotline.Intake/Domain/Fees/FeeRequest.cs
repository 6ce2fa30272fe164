using TclHotline.Intake.Domain.Warranty;

namespace TclHotline.Intake.Domain.Fees;

/// <summary>
/// What the fee estimate depends on. <see cref="DistanceKm"/> is the one-way distance from the
/// outlet, null until an outlet is chosen.
/// </summary>
public sealed record FeeRequest
{
    public required OrderType OrderType { get; init; }
    public FaultCategory FaultCategory { get; init; }
    public required WarrantyDecision Warranty { get; init; }
    public required TimeZoneInfo BranchTimeZone { get; init; }
    public decimal? DistanceKm { get; init; }
    public DateTimeOffset? RequestedVisitAt { get; init; }
    /// <summary>Rule 12: where the branch stands on a suspicious invoice; null when there is nothing to verify.</summary>
    public InvoiceVerdict? Invoice { get; init; }
    /// <summary>What the customer is told when a false invoice lost free service.</summary>
    public string? InvoiceReason { get; init; }
}

/// <summary>Rule 12: the branch's verification of a suspicious invoice.</summary>
public enum InvoiceVerdict
{
    Pending,
    Genuine,
    False,
}
