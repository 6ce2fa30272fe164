using TclHotline.Dispatch.Domain.Network;
using TclHotline.Dispatch.Domain.Planning;

namespace TclHotline.Dispatch.Data;

/// <summary>Everything dispatch holds about one order: the order, its commitment, its visits and escalations.</summary>
/// <param name="Booking">Rule 2, remote: the deadline for booking the appointment; null for orders that never awaited one.</param>
public sealed record DispatchRecord(
    DispatchOrder Order,
    string OrderNumber,
    string Status,
    bool Warned,
    bool Escalated,
    Commitment? Commitment,
    string? CommitmentState,
    IReadOnlyList<VisitRow> Visits,
    IReadOnlyList<EscalationRow> Escalations,
    BookingDeadline? Booking = null,
    string DistrictName = "")
{
    public const string Open = "Open";
    public const string Closed = "Closed";
    public const string Cancelled = "Cancelled";

    public bool IsOpen => Status == Open;

    /// <summary>The visit now serving the order: the latest one not handed on or cancelled.</summary>
    public VisitRow? CurrentVisit =>
        Visits.LastOrDefault(v => v.Status is not (VisitStatuses.Reassigned or VisitStatuses.Cancelled));

    public VisitRow? BookedVisit => CurrentVisit is { IsBooked: true } v ? v : null;

    public bool AwaitingAppointment => Commitment is null && IsOpen;

    public bool IsCancelled => Status == Cancelled;

    public OpenVisit? AsOpenVisit() =>
        Commitment is { } c && BookedVisit is { } v ? new OpenVisit(Order, c, v.ToBooking()) : null;

    internal static DispatchRecord From(OrderRow row, IEnumerable<VisitRow> visits, IEnumerable<EscalationRow> escalations) => new(
        new DispatchOrder(row.OrderId, Enum.Parse<OrderType>(row.OrderType), row.BranchCode, row.DistrictCode, row.IsUrban,
            row.RegisteredAt, row.RequestedVisitAt, row.FaultCategory),
        row.OrderNumber,
        row.Status,
        row.Warned,
        row.Escalated,
        row is { StartsAt: { } starts, DueAt: { } due, Basis: { } basis }
            ? new Commitment(starts, due, Enum.Parse<CommitmentBasis>(basis), row.ReasonRule ?? "", row.NotBefore, row.OriginalDueAt)
            : null,
        row.CommitmentState,
        visits.OrderBy(v => v.AssignedAt).ToList(),
        escalations.ToList(),
        row is { BookingDueAt: { } bookingDue, BookingState: { } bookingState }
            ? new BookingDeadline(row.RegisteredAt, bookingDue, bookingState)
            : null,
        row.DistrictName);
}

/// <summary>
/// Rule 2, remote: from registration until an appointment is booked, the booking itself has a deadline.
/// <see cref="State"/> is one of the constants below.
/// </summary>
public sealed record BookingDeadline(DateTimeOffset StartsAt, DateTimeOffset DueAt, string State)
{
    public const string Open = "Open";
    public const string Warned = "Warned";
    public const string Met = "Met";
    public const string Breached = "Breached";
    public const string Cancelled = "Cancelled";

    public bool IsRunning => State is Open or Warned;
}
