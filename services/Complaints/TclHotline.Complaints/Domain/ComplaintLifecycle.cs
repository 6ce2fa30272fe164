using TclHotline.Messages.Complaints;

namespace TclHotline.Complaints.Domain;

/// <summary>
/// Rule 20: filing and the lifecycle Filed → Acknowledged → Investigating → Resolved → Closed, or
/// Reopened back to Investigating. Each step returns the next state, its events and its deadline
/// instructions; a step the status does not allow throws <see cref="ComplaintTransitionRefused"/>.
/// </summary>
public sealed class ComplaintLifecycle(ComplaintDeadlines deadlines, EscalationLadder ladder, SatisfactionScale scale)
{
    /// <summary>
    /// The branch's service director owns a new complaint; both deadlines start at filing, because the
    /// customer's wait for a resolution runs from the complaint, not from the call back.
    /// </summary>
    public ComplaintTransition File(NewComplaint filing)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(filing.Description);
        var complaint = new Complaint
        {
            Id = filing.Id,
            Number = filing.Number,
            BranchCode = filing.BranchCode,
            Category = filing.Category,
            Source = filing.Source,
            Subject = filing.Subject,
            Description = filing.Description,
            FiledBy = filing.FiledBy,
            FiledAt = filing.FiledAt,
            Status = ComplaintStatus.Filed,
            Level = EscalationLadder.Bottom,
            Owner = ladder.OwnerAt(EscalationLadder.Bottom, filing.BranchCode),
            Occurrences = filing.Occurrences,
        };
        var (acknowledging, acknowledge) = deadlines.Start(complaint, ComplaintDeadlineKind.Acknowledge, filing.FiledAt);
        var (filed, resolve) = deadlines.Start(acknowledging, ComplaintDeadlineKind.Resolve, filing.FiledAt);
        var published = new ComplaintFiled(
            filed.Id,
            filed.Number,
            filed.BranchCode,
            filed.Category.ToString(),
            filed.Source.ToString(),
            filed.Subject.OrderId,
            filed.Subject.EngineerId,
            filed.FiledAt);
        return new ComplaintTransition(filed, [published], [acknowledge, resolve]);
    }

    /// <summary>Someone called the customer back: the acknowledge deadline is met.</summary>
    public ComplaintTransition Acknowledge(Complaint complaint, string by, DateTimeOffset at)
    {
        ComplaintTransitions.Require(complaint, ComplaintAction.Acknowledge);
        var (met, instructions) = ComplaintDeadlines.Meet(complaint, ComplaintDeadlineKind.Acknowledge, at);
        return Move(met with { AcknowledgedAt = at }, ComplaintStatus.Acknowledged, by, at, instructions);
    }

    public ComplaintTransition StartInvestigation(Complaint complaint, string by, DateTimeOffset at)
    {
        ComplaintTransitions.Require(complaint, ComplaintAction.StartInvestigation);
        return Move(complaint, ComplaintStatus.Investigating, by, at, []);
    }

    /// <summary>What was done and any compensation (yuan): the resolve deadline is met.</summary>
    public ComplaintTransition Resolve(Complaint complaint, string resolution, decimal compensation, string by, DateTimeOffset at)
    {
        ComplaintTransitions.Require(complaint, ComplaintAction.Resolve);
        ArgumentException.ThrowIfNullOrWhiteSpace(resolution);
        ArgumentOutOfRangeException.ThrowIfNegative(compensation);
        var (met, instructions) = ComplaintDeadlines.Meet(complaint, ComplaintDeadlineKind.Resolve, at);
        var resolved = met with { Resolution = new Resolution(resolution, compensation, by, at) };
        return Move(resolved, ComplaintStatus.Resolved, by, at, instructions);
    }

    /// <summary>The return call (回访) closes the complaint with the customer's satisfaction score.</summary>
    public ComplaintTransition Close(Complaint complaint, int satisfactionScore, string by, DateTimeOffset at)
    {
        ComplaintTransitions.Require(complaint, ComplaintAction.Close);
        if (!scale.Allows(satisfactionScore))
        {
            throw new ArgumentOutOfRangeException(
                nameof(satisfactionScore), satisfactionScore, $"A score runs from {scale.Lowest} to {scale.Highest}.");
        }

        var closed = complaint with { SatisfactionScore = satisfactionScore, ClosedAt = at };
        return Move(closed, ComplaintStatus.Closed, by, at, []);
    }

    /// <summary>
    /// The return call found the matter not settled: back to Investigating, and the current owner gets a
    /// fresh resolve deadline (the first one was met when it was resolved).
    /// </summary>
    public ComplaintTransition Reopen(Complaint complaint, string reason, string by, DateTimeOffset at)
    {
        ComplaintTransitions.Require(complaint, ComplaintAction.Reopen);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        var reopened = complaint with { Reopenings = [.. complaint.Reopenings, new Reopening(reason, by, at)] };
        var (next, resolve) = deadlines.Start(reopened, ComplaintDeadlineKind.Resolve, at);
        return Move(next, ComplaintStatus.Investigating, by, at, [resolve]);
    }

    /// <summary>
    /// Rule 21: a further cause (another breach, another repeat call) joins the complaint it belongs to while
    /// that is still being handled (SystemRaisedComplaints opens a new one after it is resolved or closed);
    /// a cause already recorded changes nothing.
    /// </summary>
    public static ComplaintTransition AddOccurrence(Complaint complaint, ComplaintOccurrence occurrence) =>
        complaint.HasCause(occurrence.CauseId)
            ? ComplaintTransition.Unchanged(complaint)
            : new ComplaintTransition(complaint with { Occurrences = [.. complaint.Occurrences, occurrence] }, [], []);

    private static ComplaintTransition Move(
        Complaint complaint, ComplaintStatus to, string by, DateTimeOffset at, IReadOnlyList<DeadlineInstruction> instructions)
    {
        var changed = new ComplaintStatusChanged(
            complaint.Id, complaint.Number, complaint.BranchCode, complaint.Status.ToString(), to.ToString(), by, at);
        return new ComplaintTransition(complaint with { Status = to }, [changed], instructions);
    }
}
