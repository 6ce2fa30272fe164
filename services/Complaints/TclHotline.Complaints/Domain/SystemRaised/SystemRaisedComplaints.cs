namespace TclHotline.Complaints.Domain.SystemRaised;

/// <summary>
/// Rule 21: a breached on-site commitment, or a customer chasing an open order again and again, raises
/// a complaint by itself. One complaint per cause per order: a later breach or repeat call joins the
/// complaint its cause already opened (whatever its status), never a second one. Agents' complaints
/// about the same order are a separate matter and do not count.
/// </summary>
public sealed class SystemRaisedComplaints(SystemComplaintOptions options)
{
    /// <param name="orderComplaints">Every complaint about the breached order.</param>
    public SystemComplaintDecision OnCommitmentBreached(CommitmentBreach breach, IReadOnlyList<Complaint> orderComplaints)
    {
        var cause = new ComplaintOccurrence(
            ComplaintSource.CommitmentBreached,
            breach.BreachId.ToString("D"),
            $"On-site commitment due {breach.DueAt:u} missed",
            breach.BreachedAt);
        return Joining(breach.OrderId, cause, orderComplaints)
            ?? new OpenComplaint(ComplaintSource.CommitmentBreached, ComplaintCategory.LateOrMissedVisit, cause.Note, [cause]);
    }

    /// <summary>
    /// Opens a complaint once the order's known repeat calls include <see cref="SystemComplaintOptions.RepeatCallsToRaise"/>
    /// within one <see cref="SystemComplaintOptions.RepeatCallWindow"/> (the window's ends included). Any such
    /// window counts, not only the one ending at this call, so calls delivered out of order decide the same.
    /// </summary>
    /// <param name="orderRepeatCalls">The order's repeat calls known so far; this call may or may not be among them.</param>
    /// <param name="orderComplaints">Every complaint about the order.</param>
    public SystemComplaintDecision OnRepeatCall(
        RepeatCall call, IReadOnlyList<RepeatCall> orderRepeatCalls, IReadOnlyList<Complaint> orderComplaints)
    {
        var joining = Joining(call.OrderId, Cause(call), orderComplaints);
        if (joining is not null)
        {
            return joining;
        }

        var calls = orderRepeatCalls
            .Where(c => c.OrderId == call.OrderId)
            .Append(call)
            .DistinctBy(c => c.RepeatCallId)
            .OrderBy(c => c.CalledAt)
            .ToList();
        var window = options.RepeatCallWindow;
        var busiest = calls.Max(last => calls.Count(c => c.CalledAt <= last.CalledAt && c.CalledAt >= last.CalledAt - window));
        if (busiest < options.RepeatCallsToRaise)
        {
            return new NoComplaint($"{busiest} repeat call(s) within {window}, fewer than {options.RepeatCallsToRaise}");
        }

        // Every known call is a cause, so a redelivered earlier call later finds itself recorded.
        return new OpenComplaint(
            ComplaintSource.RepeatCalls,
            ComplaintCategory.LateOrMissedVisit,
            $"Customer chased the open order {busiest} times within {window}",
            [.. calls.Select(Cause)]);
    }

    private static ComplaintOccurrence Cause(RepeatCall call) =>
        new(ComplaintSource.RepeatCalls, call.RepeatCallId.ToString("D"), $"Repeat call at {call.CalledAt:u}", call.CalledAt);

    private static SystemComplaintDecision? Joining(Guid orderId, ComplaintOccurrence cause, IReadOnlyList<Complaint> orderComplaints)
    {
        var existing = orderComplaints
            .Where(c => c.Source == cause.Source && c.Subject.OrderId == orderId)
            .MinBy(c => c.FiledAt);
        if (existing is null)
        {
            return null;
        }

        return existing.HasCause(cause.CauseId)
            ? new NoComplaint($"{cause.CauseId} already recorded on complaint {existing.Number}")
            : new AddToComplaint(existing.Id, cause);
    }
}
