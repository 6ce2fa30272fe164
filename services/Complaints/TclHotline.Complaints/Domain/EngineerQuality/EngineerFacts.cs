namespace TclHotline.Complaints.Domain.EngineerQuality;

/// <summary>The engineer reached the site (Dispatch's EngineerArrived).</summary>
public sealed record EngineerArrival(Guid OrderId, Guid VisitId, DateTimeOffset ArrivedAt, DateTimeOffset CommitmentDue, bool OnTime);

/// <summary>A completed visit to a unit (Dispatch's VisitCompleted), by this engineer or by anyone after them.</summary>
public sealed record UnitVisit(
    Guid OrderId,
    Guid VisitId,
    string EngineerId,
    string BranchCode,
    string SerialNumber,
    DateTimeOffset CompletedAt,
    bool Repaired);

/// <summary>A complaint naming the engineer, whatever its source.</summary>
public sealed record ComplaintAgainstEngineer(Guid ComplaintId, Guid? OrderId, ComplaintCategory Category, DateTimeOffset FiledAt);

/// <param name="Arrivals">The engineer's own arrivals.</param>
/// <param name="Visits">The engineer's visits, and every later visit (by anyone) to the units the engineer repaired.</param>
/// <param name="Complaints">Complaints naming the engineer.</param>
public sealed record EngineerHistory(
    string EngineerId,
    IReadOnlyList<EngineerArrival> Arrivals,
    IReadOnlyList<UnitVisit> Visits,
    IReadOnlyList<ComplaintAgainstEngineer> Complaints);
