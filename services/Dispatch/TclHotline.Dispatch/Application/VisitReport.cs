namespace TclHotline.Dispatch.Application;

/// <summary>What the engineer's side reports about a visit: which one, who reports it, when it happened.</summary>
public sealed record VisitReport(Guid OrderId, Guid VisitId, string EngineerId, DateTimeOffset At);

/// <summary>What the engineer found and did (rule 5 and 14 facts for intake's repair history).</summary>
public sealed record VisitOutcome(
    string SerialNumber,
    bool Repaired,
    bool CustomerDeclined,
    string FaultFound,
    IReadOnlyList<string> PartsReplaced,
    IReadOnlyList<string> MainPartsReplaced,
    decimal FeeCharged,
    int DaysInRepair,
    int DaysWaitingForParts);
