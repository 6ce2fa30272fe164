namespace TclHotline.Complaints.Domain.EngineerQuality;

/// <param name="Reasons">Each threshold the record crossed, in words; empty for a reliable engineer.</param>
/// <param name="Cases">Every late arrival, repeat repair and complaint, oldest first.</param>
public sealed record EngineerRecord(
    string EngineerId,
    int Visits,
    int Arrivals,
    int OnTimeArrivals,
    int LateArrivals,
    int RepairedVisits,
    int RepeatRepairs,
    int Complaints,
    EngineerClassification Classification,
    IReadOnlyList<string> Reasons,
    IReadOnlyList<EngineerCase> Cases);
