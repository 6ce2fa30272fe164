namespace TclHotline.Intake.Domain.Fees;

/// <summary>Numbers match the gRPC enum.</summary>
public enum FeeLineKind
{
    Unspecified = 0,
    Base = 1,
    Travel = 2,
    NightSurcharge = 3,
    /// <summary>Charged above the estimate at completion, with the engineer's reason and parts.</summary>
    Extra = 4,
    /// <summary>Charged below the estimate at completion.</summary>
    Reduction = 5,
    /// <summary>An in-warranty repair charged for a documented exclusion.</summary>
    Exclusion = 6,
}

/// <summary>Why an in-warranty repair may be charged after all (names match dispatch's completion contract).</summary>
public enum WarrantyExclusion
{
    /// <summary>人为损坏: damage by the user.</summary>
    UserDamage = 1,
    /// <summary>外观: the case or screen surface.</summary>
    Appearance = 2,
}

/// <summary>What the engineer recorded about the fee at completion.</summary>
public sealed record CompletionCharge(
    decimal Charged,
    bool CustomerDeclined,
    string Reason,
    IReadOnlyList<string> ExtraParts,
    WarrantyExclusion? Exclusion);

public sealed record FeeLine(FeeLineKind Kind, decimal Amount, string Description, int? Rule);

/// <summary>What the customer is told before the visit (rule 13), line by line, with the rules that set it.</summary>
public sealed record FeeEstimate(
    bool Chargeable,
    decimal Total,
    string Currency,
    IReadOnlyList<FeeLine> Lines,
    string Reason,
    bool TravelIncluded,
    IReadOnlyList<int> RulesApplied,
    bool Provisional = false);

/// <summary>
/// What is charged when the visit is completed, line by line, with the difference to the last estimate and the
/// engineer's reason and extra parts when more was charged.
/// </summary>
public sealed record FeeSettlement(
    decimal Charged,
    string Currency,
    string Reason,
    IReadOnlyList<int> RulesApplied,
    IReadOnlyList<FeeLine> Lines,
    decimal Difference,
    string ChargeReason = "",
    IReadOnlyList<string>? ExtraParts = null,
    WarrantyExclusion? Exclusion = null);
