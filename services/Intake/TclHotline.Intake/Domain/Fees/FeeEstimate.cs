namespace TclHotline.Intake.Domain.Fees;

/// <summary>Numbers match the gRPC enum.</summary>
public enum FeeLineKind
{
    Unspecified = 0,
    Base = 1,
    Travel = 2,
    NightSurcharge = 3,
}

public sealed record FeeLine(FeeLineKind Kind, decimal Amount, string Description, int? Rule);

/// <summary>What the customer is told before the visit (rule 13), line by line, with the rules that set it.</summary>
public sealed record FeeEstimate(
    bool Chargeable,
    decimal Total,
    string Currency,
    IReadOnlyList<FeeLine> Lines,
    string Reason,
    bool TravelIncluded,
    IReadOnlyList<int> RulesApplied);

/// <summary>What is charged when the visit is completed.</summary>
public sealed record FeeSettlement(decimal Charged, string Currency, string Reason, IReadOnlyList<int> RulesApplied);
