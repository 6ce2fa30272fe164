namespace TclHotline.Complaints.Domain.EngineerQuality;

public enum EngineerCaseKind
{
    LateArrival,
    RepeatRepair,
    Complaint,
}

/// <summary>One case on an engineer's record, what the service director is shown.</summary>
/// <param name="OrderId">The late order, the order whose repair did not hold, or the complaint's order.</param>
public sealed record EngineerCase(EngineerCaseKind Kind, Guid? OrderId, Guid? ComplaintId, DateTimeOffset OccurredAt, string Detail);
