using TclHotline.Messages;
using TclHotline.Messages.Sla;

namespace TclHotline.Complaints.Domain;

/// <summary>What a transition asks of the SLA timer; the service layer publishes <see cref="ToSlaMessage"/>.</summary>
public abstract record DeadlineInstruction(string SubjectId, ComplaintDeadlineKind Kind)
{
    public abstract object ToSlaMessage();
}

public sealed record SetDeadline(
    string SubjectId,
    ComplaintDeadlineKind Kind,
    string BranchCode,
    DateTimeOffset StartsAt,
    DateTimeOffset DueAt) : DeadlineInstruction(SubjectId, Kind)
{
    public override object ToSlaMessage() =>
        new DeadlineSet(DeadlineOwners.Complaints, SubjectId, Kind.ToMessageKind(), BranchCode, StartsAt, DueAt, StartsAt);
}

public sealed record MeetDeadline(string SubjectId, ComplaintDeadlineKind Kind, DateTimeOffset MetAt)
    : DeadlineInstruction(SubjectId, Kind)
{
    public override object ToSlaMessage() => new DeadlineMet(DeadlineOwners.Complaints, SubjectId, Kind.ToMessageKind(), MetAt);
}

public sealed record CancelDeadline(string SubjectId, ComplaintDeadlineKind Kind, DateTimeOffset CancelledAt)
    : DeadlineInstruction(SubjectId, Kind)
{
    public override object ToSlaMessage() =>
        new DeadlineCancelled(DeadlineOwners.Complaints, SubjectId, Kind.ToMessageKind(), CancelledAt);
}
