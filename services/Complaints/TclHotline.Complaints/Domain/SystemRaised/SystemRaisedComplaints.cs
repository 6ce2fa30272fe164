namespace TclHotline.Complaints.Domain.SystemRaised;

/// <summary>
/// Rule 21: a breached on-site commitment (or booking deadline), or a customer chasing an open order again and
/// again, raises a complaint by itself. A later breach or repeat call joins the complaint of its cause that is
/// still being handled. When that complaint is already resolved or closed, the new cause opens a new complaint,
/// with its own acknowledge and resolve deadlines: it is never attached silently to a finished one. A new one
/// rather than a reopening, because a closed complaint is final (its return call and satisfaction score stand)
/// and the same answer then holds for resolved and closed alike. A cause already recorded on any complaint
/// changes nothing, so redelivery never opens a second one. Agents' complaints about the same order are a
/// separate matter and do not count.
/// </summary>
public sealed class SystemRaisedComplaints(SystemComplaintOptions options)
{
    /// <param name="orderComplaints">Every complaint about the breached order.</param>
    public SystemComplaintDecision OnCommitmentBreached(CommitmentBreach breach, IReadOnlyList<Complaint> orderComplaints)
    {
        var cause = new ComplaintOccurrence(
            ComplaintSource.CommitmentBreached,
            breach.BreachId.ToString("D"),
            breach.Booking
                ? $"Booking deadline due {breach.DueAt:u} missed: no appointment booked"
                : $"On-site commitment due {breach.DueAt:u} missed",
            breach.BreachedAt);
        return Joining(breach.OrderId, cause, orderComplaints)
            ?? new OpenComplaint(ComplaintSource.CommitmentBreached, ComplaintCategory.LateOrMissedVisit, cause.Note, [cause]);
    }

    /// <summary>
    /// Opens a complaint once the order's known repeat calls number <see cref="SystemComplaintOptions.RepeatCallsToRaise"/>:
    /// over the order's whole life by default, or within one window where the branch configured one (the window's
    /// ends included; any such window counts, not only the one ending at this call, so calls delivered out of order
    /// decide the same). Once the order has had a repeat-call complaint that is now resolved or closed, a further
    /// chase opens a new complaint at once: the customer is still chasing after the matter was called settled.
    /// </summary>
    /// <param name="orderRepeatCalls">The order's repeat calls known so far; this call may or may not be among them.</param>
    /// <param name="orderComplaints">Every complaint about the order.</param>
    /// <param name="branchCode">The order's branch, whose window (if any) applies.</param>
    public SystemComplaintDecision OnRepeatCall(
        RepeatCall call, IReadOnlyList<RepeatCall> orderRepeatCalls, IReadOnlyList<Complaint> orderComplaints, string branchCode = "")
    {
        var cause = Cause(call);
        var joining = Joining(call.OrderId, cause, orderComplaints);
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
        var earlier = Finished(call.OrderId, ComplaintSource.RepeatCalls, orderComplaints);
        if (earlier.Count > 0)
        {
            // Calls already recorded on the finished complaints stay there; the new complaint holds the rest.
            var fresh = calls.Where(c => !earlier.Any(f => f.HasCause(c.RepeatCallId.ToString("D")))).ToList();
            return new OpenComplaint(
                ComplaintSource.RepeatCalls,
                ComplaintCategory.LateOrMissedVisit,
                $"Customer chased the open order again after complaint {earlier[^1].Number} was {earlier[^1].Status.ToString().ToLowerInvariant()}",
                [.. fresh.Select(Cause)]);
        }

        var window = options.WindowFor(branchCode);
        var busiest = window is { } span
            ? calls.Max(last => calls.Count(c => c.CalledAt <= last.CalledAt && c.CalledAt >= last.CalledAt - span))
            : calls.Count;
        var within = window is { } w ? $"within {w}" : "while the order is open";
        if (busiest < options.RepeatCallsToRaise)
        {
            return new NoComplaint($"{busiest} repeat call(s) {within}, fewer than {options.RepeatCallsToRaise}");
        }

        // Every known call is a cause, so a redelivered earlier call later finds itself recorded.
        return new OpenComplaint(
            ComplaintSource.RepeatCalls,
            ComplaintCategory.LateOrMissedVisit,
            $"Customer chased the open order {busiest} times {within}",
            [.. calls.Select(Cause)]);
    }

    private static ComplaintOccurrence Cause(RepeatCall call) =>
        new(ComplaintSource.RepeatCalls, call.RepeatCallId.ToString("D"), $"Repeat call at {call.CalledAt:u}", call.CalledAt);

    /// <summary>
    /// Null when the cause must open a complaint (none of its source yet, or only finished ones); otherwise it
    /// joins the one still being handled, or nothing when already recorded.
    /// </summary>
    private static SystemComplaintDecision? Joining(Guid orderId, ComplaintOccurrence cause, IReadOnlyList<Complaint> orderComplaints)
    {
        var ofCause = orderComplaints.Where(c => c.Source == cause.Source && c.Subject.OrderId == orderId).OrderBy(c => c.FiledAt).ToList();
        if (ofCause.FirstOrDefault(c => c.HasCause(cause.CauseId)) is { } recorded)
        {
            return new NoComplaint($"{cause.CauseId} already recorded on complaint {recorded.Number}");
        }

        return ofCause.FirstOrDefault(c => !IsFinished(c)) is { } handling ? new AddToComplaint(handling.Id, cause) : null;
    }

    private static bool IsFinished(Complaint complaint) => complaint.Status is ComplaintStatus.Resolved or ComplaintStatus.Closed;

    private static List<Complaint> Finished(Guid orderId, ComplaintSource source, IReadOnlyList<Complaint> orderComplaints) =>
        orderComplaints.Where(c => c.Source == source && c.Subject.OrderId == orderId && IsFinished(c)).OrderBy(c => c.FiledAt).ToList();
}
