namespace TclHotline.Complaints.Domain.SystemRaised;

/// <summary>A customer calling again about an order that is still open (催单).</summary>
public sealed record RepeatCall(Guid RepeatCallId, Guid OrderId, DateTimeOffset CalledAt);
