namespace TclHotline.Messages.Dispatch;

/// <param name="MainPartsReplaced">The 主要部件 among the parts: Panel and/or MainBoard.</param>
/// <param name="DaysInRepair">Days the unit spent in repair for this visit (rule 5 extends the period by them).</param>
/// <param name="DaysWaitingForParts">Days waiting for parts (rule 5, rule 9).</param>
/// <param name="SerialNumber">The unit found on site; it may differ from the order's.</param>
/// <param name="OrderSerialNumber">The unit the order was opened for: its history gets the repair.</param>
/// <param name="ChargeReason">Why more than the last estimate was charged, with <paramref name="ExtraParts"/>.</param>
/// <param name="WarrantyExclusion">UserDamage | Appearance: a documented reason an in-warranty repair is charged.</param>
/// <param name="PanelUnrepairable">Rule 17, with <paramref name="PanelNoLongerSupplied"/>.</param>
public sealed record VisitCompleted(
    Guid OrderId,
    Guid VisitId,
    string EngineerId,
    string BranchCode,
    string SerialNumber,
    DateTimeOffset CompletedAt,
    bool Repaired,
    bool CustomerDeclined,
    string FaultFound,
    IReadOnlyList<string> PartsReplaced,
    IReadOnlyList<string> MainPartsReplaced,
    decimal FeeCharged,
    int DaysInRepair,
    int DaysWaitingForParts,
    string? OrderSerialNumber = null,
    string? ChargeReason = null,
    IReadOnlyList<string>? ExtraParts = null,
    string? WarrantyExclusion = null,
    bool PanelUnrepairable = false,
    bool PanelNoLongerSupplied = false);
