namespace TclHotline.Dispatch.Domain.Planning;

/// <summary>Rule 2: what an order's on-site commitment is, and how it moves.</summary>
public sealed class CommitmentPolicy(DispatchOptions options)
{
    /// <summary>
    /// The commitment a new order starts with: urban = registered + the urban span; a customer's
    /// requested time becomes an appointment window. Null for a remote order without a requested
    /// time: it has no commitment until an appointment is booked.
    /// </summary>
    public Commitment? ForNewOrder(DispatchOrder order)
    {
        if (order.RequestedVisitAt is { } requested)
        {
            var window = WindowAt(requested);
            return order.IsUrban
                ? CustomerRequested(Urban(order.RegisteredAt), window)
                : Appointment(window, order.RegisteredAt);
        }

        return order.IsUrban ? Urban(order.RegisteredAt) : null;
    }

    public Commitment Urban(DateTimeOffset registeredAt) =>
        new(registeredAt, registeredAt + options.UrbanCommitment, CommitmentBasis.Urban,
            $"Rule02 urban: registered {registeredAt:O} + {options.UrbanCommitment}");

    /// <summary>A booked appointment: the window's end is the commitment.</summary>
    public Commitment Appointment(AppointmentWindow window, DateTimeOffset bookedAt) =>
        new(bookedAt, window.End, CommitmentBasis.Appointment,
            $"Rule02 appointment: window {window.Start:O} to {window.End:O}", window.Start);

    /// <summary>
    /// A visit moved to a new window. The customer's move replaces the commitment with the new
    /// window (customer-caused, the first due kept for the record); an outlet's keeps the one it had.
    /// </summary>
    public Commitment Reschedule(Commitment current, DateTimeOffset newStart, RescheduleCause cause) =>
        cause == RescheduleCause.Customer ? CustomerRequested(current, WindowAt(newStart)) : current;

    public AppointmentWindow WindowAt(DateTimeOffset start) => new(start, start + options.AppointmentSlotLength);

    private static Commitment CustomerRequested(Commitment current, AppointmentWindow window) =>
        new(current.StartsAt, window.End, CommitmentBasis.CustomerRequested,
            $"Rule02 customer-requested: window {window.Start:O} to {window.End:O}, first due {current.OriginalDueAt ?? current.DueAt:O}",
            window.Start, current.OriginalDueAt ?? current.DueAt);
}
