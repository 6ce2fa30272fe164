namespace TclHotline.Complaints.Domain.Notifications;

/// <summary>
/// Rule 25: every escalation reaches its owner, and one not acknowledged in time climbs to the next level.
/// Decides who a notice is for (the level's role in the branch, the person named at that level) and
/// until when they have to acknowledge it. The top level has nobody to climb to, so it gets no deadline.
/// </summary>
public sealed class Inbox(NotificationOptions options, EscalationLadder ladder)
{
    public Notification Open(NotificationCause cause, DateTimeOffset at) => new(
        Guid.NewGuid(),
        cause.Kind,
        cause.BranchCode,
        cause.Level,
        RoleAt(cause.Level),
        ladder.OwnerAt(cause.Level, cause.BranchCode),
        cause.Title,
        cause.Body,
        cause.SubjectId,
        cause.CauseId,
        at,
        DueFor(cause.Kind, cause.Level, at));

    /// <summary>The owner saw it. Acknowledging again changes nothing; a notice already handed up cannot be.</summary>
    /// <returns>The acknowledged notice, and whether this call acknowledged it.</returns>
    public static (Notification Notification, bool Changed) Acknowledge(Notification notification, string by, DateTimeOffset at)
    {
        if (notification.AcknowledgedAt is not null)
        {
            return (notification, false);
        }

        if (notification.ClimbedTo is not null)
        {
            throw new NotificationRefused($"it was not acknowledged in time and went to level {(int)notification.Level + 1}");
        }

        return (notification with { AcknowledgedAt = at, AcknowledgedBy = by }, true);
    }

    /// <summary>
    /// Its deadline passed: the same cause goes to the next level. Null when it is not open any more
    /// (acknowledged in time, or already handed up) or there is no level above.
    /// </summary>
    public (Notification Before, Notification Next)? Climb(Notification notification, DateTimeOffset at)
    {
        if (!notification.IsOpen || EscalationLadder.Above(notification.Level) is not { } above)
        {
            return null;
        }

        var next = Open(
            new NotificationCause(
                notification.Kind,
                notification.CauseId,
                notification.BranchCode,
                above,
                notification.Title,
                $"{notification.Body}\n{notification.Owner} did not acknowledge it by {notification.AcknowledgeDue:u}.",
                notification.SubjectId),
            at);
        return (notification with { ClimbedTo = next.Id, ClimbedAt = at }, next);
    }

    public string RoleAt(EscalationLevel level) =>
        options.LevelRoles.TryGetValue(level, out var role) && !string.IsNullOrWhiteSpace(role)
            ? role
            : throw new InvalidOperationException($"Notifications:LevelRoles has no role for {level}.");

    private DateTimeOffset? DueFor(NotificationKind kind, EscalationLevel level, DateTimeOffset at) =>
        EscalationLadder.Above(level) is not null && options.AcknowledgeWithin.TryGetValue(kind, out var within) && within > TimeSpan.Zero
            ? at + within
            : null;
}

/// <summary>A notification step its state does not allow: FailedPrecondition.</summary>
public sealed class NotificationRefused(string message) : Exception(message);
