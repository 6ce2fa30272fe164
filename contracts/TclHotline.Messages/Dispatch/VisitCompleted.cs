namespace TclHotline.Messages.Dispatch;

/// <param name="MainPartsReplaced">The 主要部件 among the parts: Panel and/or MainBoard.</param>
/// <param name="DaysInRepair">Days the unit spent in repair for this visit (rule 5 extends the period by them).</param>
/// <param name="DaysWaitingForParts">Days waiting for parts (rule 5, rule 9).</param>
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
    int DaysWaitingForParts);
