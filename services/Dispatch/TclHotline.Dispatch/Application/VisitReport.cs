using TclHotline.Dispatch.Domain.Completion;

namespace TclHotline.Dispatch.Application;

/// <summary>What the engineer's side reports about a visit: which one, who reports it, when it happened.</summary>
public sealed record VisitReport(Guid OrderId, Guid VisitId, string EngineerId, DateTimeOffset At);

/// <summary>
/// What the engineer found and did: facts for intake's repair history (rules 5, 8, 9), the fee as claimed
/// (rules 13, 14, checked against the last estimate before it is stored) and the panel's fate (rule 17).
/// </summary>
public sealed record VisitOutcome(
    string SerialNumber,
    bool Repaired,
    string FaultFound,
    IReadOnlyList<string> PartsReplaced,
    IReadOnlyList<string> MainPartsReplaced,
    CompletionClaim Claim,
    bool PanelUnrepairable,
    bool PanelNoLongerSupplied);
