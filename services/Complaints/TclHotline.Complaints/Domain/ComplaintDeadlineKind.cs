using TclHotline.Messages;

namespace TclHotline.Complaints.Domain;

/// <summary>The two deadlines every complaint has (rule 20).</summary>
public enum ComplaintDeadlineKind
{
    Acknowledge,
    Resolve,
}

public static class ComplaintDeadlineKindNames
{
    /// <summary>The kind as the SLA timer's messages name it.</summary>
    public static string ToMessageKind(this ComplaintDeadlineKind kind) => kind switch
    {
        ComplaintDeadlineKind.Acknowledge => DeadlineKinds.Acknowledge,
        ComplaintDeadlineKind.Resolve => DeadlineKinds.Resolve,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static EscalationTrigger MissedTrigger(this ComplaintDeadlineKind kind) => kind switch
    {
        ComplaintDeadlineKind.Acknowledge => EscalationTrigger.AcknowledgeMissed,
        ComplaintDeadlineKind.Resolve => EscalationTrigger.ResolveMissed,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
