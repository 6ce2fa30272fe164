namespace TclHotline.Complaints.Domain.SystemRaised;

/// <summary>
/// An order's promise passed unkept (the SLA timer's breach): its on-site commitment without an engineer on
/// site, or, for a remote order, its booking deadline without an appointment booked.
/// </summary>
/// <param name="Booking">The booking deadline (rule 2, remote) rather than the on-site commitment.</param>
public sealed record CommitmentBreach(Guid BreachId, Guid OrderId, DateTimeOffset DueAt, DateTimeOffset BreachedAt, bool Booking = false);
