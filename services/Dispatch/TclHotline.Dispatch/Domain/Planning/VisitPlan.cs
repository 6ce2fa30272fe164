namespace TclHotline.Dispatch.Domain.Planning;

/// <summary>An engineer who can arrive at <see cref="Arrival"/>, and what the trip costs.</summary>
/// <param name="BookingsThatDay">The engineer's visits already booked on the arrival's branch-local day.</param>
public sealed record VisitPlan(
    string EngineerId,
    string EngineerName,
    string OutletId,
    string BranchCode,
    DateTimeOffset Arrival,
    TimeSpan Duration,
    TimeSpan Travel,
    decimal DistanceKm,
    int BookingsThatDay)
{
    public Booking ToBooking(Guid visitId, Guid orderId) => new(visitId, orderId, EngineerId, Arrival, Duration, Travel);
}
