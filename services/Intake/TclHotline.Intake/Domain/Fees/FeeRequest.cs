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
}
