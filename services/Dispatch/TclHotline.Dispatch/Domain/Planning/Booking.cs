namespace TclHotline.Dispatch.Domain.Planning;

/// <summary>
/// A visit an engineer is booked for. The engineer is busy from leaving the outlet
/// (<see cref="Departure"/>) until the visit ends.
/// </summary>
public sealed record Booking(
    Guid VisitId,
    Guid OrderId,
    string EngineerId,
    DateTimeOffset Arrival,
    TimeSpan Duration,
    TimeSpan Travel)
{
    public DateTimeOffset Departure => Arrival - Travel;

    public DateTimeOffset End => Arrival + Duration;

    public bool Overlaps(DateTimeOffset busyFrom, DateTimeOffset busyUntil) => busyFrom < End && Departure < busyUntil;
}
