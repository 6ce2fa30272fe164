namespace TclHotline.Messages.Intake;

/// <summary>A unit became eligible for a free exchange (rule 8 or 9), decided from its repair records.</summary>
public sealed record ExchangeEligibilityDecided(
    Guid OrderId,
    string OrderNumber,
    string BranchCode,
    string SerialNumber,
    int Rule,
    string Reason,
    DateTimeOffset DecidedAt);
