namespace TclHotline.Complaints.Domain;

public sealed record Reopening(string Reason, string ReopenedBy, DateTimeOffset ReopenedAt);
