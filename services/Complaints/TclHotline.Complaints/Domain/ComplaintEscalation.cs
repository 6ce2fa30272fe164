using TclHotline.Messages.Complaints;

namespace TclHotline.Complaints.Domain;

/// <summary>
/// Rule 20: a complaint climbs one level when a deadline passes, or when someone escalates it by hand.
/// The new owner gets a fresh deadline, so each level has its own full span to act:
/// <list type="bullet">
/// <item>A missed acknowledge (or resolve) deadline escalates and sets a fresh acknowledge (or resolve)
/// deadline from the moment it was missed. The other deadline keeps its due time.</item>
/// <item>A manual escalation replaces the deadline of the step the complaint is at: acknowledge while
/// Filed, resolve once acknowledged. The replaced one is cancelled with the SLA timer.</item>
/// <item>At headquarters (the top) a missed deadline is recorded and nothing more is set: there is
/// nobody further up, and a timer re-armed forever would only repeat itself.</item>
/// </list>
/// </summary>
public sealed class ComplaintEscalation(ComplaintDeadlines deadlines, EscalationLadder ladder)
{
    public ComplaintTransition Escalate(Complaint complaint, string reason, string by, DateTimeOffset at)
    {
        ComplaintTransitions.Require(complaint, ComplaintAction.Escalate);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        var above = EscalationLadder.Above(complaint.Level)
            ?? throw new ComplaintTransitionRefused(complaint, ComplaintAction.Escalate, "already at the top level");
        var step = complaint.Status == ComplaintStatus.Filed ? ComplaintDeadlineKind.Acknowledge : ComplaintDeadlineKind.Resolve;
        var replaced = complaint.Pending(step);
        IReadOnlyList<DeadlineInstruction> cancelled = replaced is null ? [] : [new CancelDeadline(replaced.SubjectId, step, at)];
        return Climb(complaint, above, EscalationTrigger.Manual, reason, by, at, step, cancelled);
    }

    /// <summary>
    /// The SLA timer reports a breach of <paramref name="subjectId"/>. A deadline no longer pending (met,
    /// replaced, or this breach already handled) changes nothing, so a late or repeated breach is harmless.
    /// </summary>
    public ComplaintTransition DeadlineMissed(Complaint complaint, string subjectId, DateTimeOffset missedAt)
    {
        var missed = complaint.PendingBySubject(subjectId);
        if (missed is null)
        {
            return ComplaintTransition.Unchanged(complaint);
        }

        var record = new MissedDeadline(missed.Kind, complaint.Level, missed.DueAt, missedAt);
        var recorded = complaint.WithoutPending(missed.Kind) with { MissedDeadlines = [.. complaint.MissedDeadlines, record] };
        var above = EscalationLadder.Above(complaint.Level);
        if (above is null)
        {
            return new ComplaintTransition(recorded, [], []);
        }

        var reason = $"{missed.Kind} deadline due {missed.DueAt:u} missed";
        return Climb(recorded, above.Value, missed.Kind.MissedTrigger(), reason, ComplaintActors.System, missedAt, missed.Kind, []);
    }

    private ComplaintTransition Climb(
        Complaint complaint,
        EscalationLevel to,
        EscalationTrigger trigger,
        string reason,
        string by,
        DateTimeOffset at,
        ComplaintDeadlineKind fresh,
        IReadOnlyList<DeadlineInstruction> before)
    {
        var owner = ladder.OwnerAt(to, complaint.BranchCode);
        var step = new EscalationStep(complaint.Level, to, owner, trigger, reason, by, at);
        var escalated = complaint with { Level = to, Owner = owner, Escalations = [.. complaint.Escalations, step] };
        var (next, set) = deadlines.Start(escalated, fresh, at);
        var published = new ComplaintEscalated(
            complaint.Id, complaint.Number, complaint.BranchCode, (int)complaint.Level, (int)to, to.ToString(), owner, reason, at);
        return new ComplaintTransition(next, [published], [.. before, set]);
    }
}
