namespace TclHotline.Complaints.Domain;

/// <param name="Compensation">Paid to the customer, in yuan; 0 when none.</param>
public sealed record Resolution(string Text, decimal Compensation, string ResolvedBy, DateTimeOffset ResolvedAt);
