namespace TclHotline.Intake.Domain.Warranty;

public enum WarrantyCoverage
{
    Unspecified = 0,
    Undetermined = 1,
    WholeUnit = 2,
    MainPartsOnly = 3,
    Expired = 4,
}

public enum WarrantyStartBasis
{
    Unspecified = 0,
    Invoice = 1,
    Installation = 2,
    ProductionDate = 3,
}

public enum Remedy
{
    Unspecified = 0,
    Return = 1,
    Exchange = 2,
    Repair = 3,
}

public enum Proof
{
    Unspecified = 0,
    Invoice = 1,
    ProductionDate = 2,
}

/// <summary>
/// The 三包 decision for a unit on a date, with every date it used and the rules that produced it,
/// so it can be stored with the order and shown to the agent. Enum numbers match the gRPC contract.
/// </summary>
public sealed record WarrantyDecision
{
    public required DateOnly AsOf { get; init; }
    public required WarrantyCoverage Coverage { get; init; }
    /// <summary>Whether the fault reported now is covered (without one: whether the whole unit is).</summary>
    public bool InWarranty { get; init; }
    public DateOnly? StartDate { get; init; }
    public WarrantyStartBasis StartBasis { get; init; }
    public DateOnly? InvoiceDate { get; init; }
    public DateOnly? InstallationDate { get; init; }
    public ProductionPeriod? Production { get; init; }
    public DateOnly? WholeUnitEnd { get; init; }
    public DateOnly? MainPartsEnd { get; init; }
    public int WholeUnitExtensionDays { get; init; }
    public int MainPartsExtensionDays { get; init; }
    public IReadOnlyList<Remedy> Remedies { get; init; } = [];
    public bool ExchangeEligible { get; init; }
    public int FaultReportsInPeriod { get; init; }
    /// <summary>Rule 12: the branch must verify the invoice date before free service is confirmed.</summary>
    public bool InvoiceNeedsVerification { get; init; }
    public IReadOnlyList<Proof> MissingProofs { get; init; } = [];
    public IReadOnlyList<int> RulesApplied { get; init; } = [];
}
