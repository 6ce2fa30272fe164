namespace TclHotline.Messages.Dispatch;

/// <summary>A visit booked with the customer; the window's end is the commitment (remote areas, or a customer-requested time).</summary>
/// <param name="Cause">Remote | CustomerRequested | OutletRescheduled</param>
/// <param name="DistanceKm">One-way distance from the booked engineer's outlet to the district (rule 15).</param>
public sealed record AppointmentBooked(
    Guid OrderId,
    Guid VisitId,
    string EngineerId,
    string BranchCode,
    DateTimeOffset WindowStart,
    DateTimeOffset WindowEnd,
    string Cause,
    DateTimeOffset BookedAt,
    string? OutletId = null,
    decimal? DistanceKm = null);
