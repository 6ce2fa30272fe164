namespace TclHotline.Complaints.Domain.Notifications;

/// <summary>
/// One notice in an owner's inbox: a cause (an escalation, a breach, a report) at one escalation level,
/// addressed to a role in a branch and naming the person at that level. (CauseId, Level) is unique.
/// </summary>
/// <param name="AcknowledgeDue">Null when the notice does not climb (a report, or the top level).</param>
public sealed record Notification(
    Guid Id,
    NotificationKind Kind,
    string BranchCode,
    EscalationLevel Level,
    string RecipientRole,
    string Owner,
    string Title,
    string Body,
    string? SubjectId,
    string CauseId,
    DateTimeOffset CreatedAt,
    DateTimeOffset? AcknowledgeDue,
    DateTimeOffset? AcknowledgedAt = null,
    string? AcknowledgedBy = null,
    Guid? ClimbedTo = null,
    DateTimeOffset? ClimbedAt = null,
    long Sequence = 0)
{
    /// <summary>Still waiting for its owner: neither acknowledged nor handed up.</summary>
    public bool IsOpen => AcknowledgedAt is null && ClimbedTo is null;
}

/// <summary>What a cause asks to tell: the inbox decides level, role, owner and deadline.</summary>
public sealed record NotificationCause(
    NotificationKind Kind,
    string CauseId,
    string BranchCode,
    EscalationLevel Level,
    string Title,
    string Body,
    string? SubjectId);
