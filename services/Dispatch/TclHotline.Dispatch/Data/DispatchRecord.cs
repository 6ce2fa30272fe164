using TclHotline.Dispatch.Domain.Network;
using TclHotline.Dispatch.Domain.Planning;

namespace TclHotline.Dispatch.Data;

/// <summary>Everything dispatch holds about one order: the order, its commitment, its visits and escalations.</summary>
public sealed record DispatchRecord(
    DispatchOrder Order,
    string OrderNumber,
    string Status,
    bool Warned,
    bool Escalated,
    Commitment? Commitment,
    string? CommitmentState,
    IReadOnlyList<VisitRow> Visits,
    IReadOnlyList<EscalationRow> Escalations)
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
        escalations.ToList());
}
