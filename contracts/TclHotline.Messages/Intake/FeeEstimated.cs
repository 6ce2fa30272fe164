namespace TclHotline.Messages.Intake;

/// <summary>
/// A fee estimate was given for an order (at registration, after an assignment, after a move, after an invoice
/// verification). Revisions count up per order; the last one is what a completion is settled against.
/// </summary>
/// <param name="Cause">Registered | Assigned | AppointmentBooked | InvoiceVerified</param>
/// <param name="Provisional">Rule 12: the invoice awaits the branch's verification.</param>
public sealed record FeeEstimated(
    Guid OrderId,
    string OrderNumber,
    string BranchCode,
    int Revision,
    string Cause,
    bool Chargeable,
    decimal Total,
    bool TravelIncluded,
    bool Provisional,
    DateTimeOffset EstimatedAt);
