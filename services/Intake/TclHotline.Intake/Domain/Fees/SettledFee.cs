namespace TclHotline.Intake.Domain.Fees;

/// <summary>A settlement as kept with its order: the estimate revision it was settled against, and when.</summary>
public sealed record SettledFee(FeeSettlement Settlement, int EstimateRevision, DateTimeOffset SettledAt);
