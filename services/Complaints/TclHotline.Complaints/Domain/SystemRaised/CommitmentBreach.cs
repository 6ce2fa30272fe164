namespace TclHotline.Complaints.Domain.SystemRaised;

/// <summary>An order's on-site commitment passed without an engineer on site (the SLA timer's breach).</summary>
public sealed record CommitmentBreach(Guid BreachId, Guid OrderId, DateTimeOffset DueAt, DateTimeOffset BreachedAt);
