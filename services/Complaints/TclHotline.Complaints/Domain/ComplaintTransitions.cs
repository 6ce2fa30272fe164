namespace TclHotline.Complaints.Domain;

/// <summary>The one table of which action is allowed from which status.</summary>
public static class ComplaintTransitions
{
    private static readonly IReadOnlyDictionary<ComplaintAction, ComplaintStatus[]> AllowedFrom =
        new Dictionary<ComplaintAction, ComplaintStatus[]>
        {
            [ComplaintAction.Acknowledge] = [ComplaintStatus.Filed],
            [ComplaintAction.StartInvestigation] = [ComplaintStatus.Acknowledged],
            [ComplaintAction.Resolve] = [ComplaintStatus.Investigating],
            [ComplaintAction.Close] = [ComplaintStatus.Resolved],
            // Closed is final: the return call either closes or reopens a resolved complaint.
            [ComplaintAction.Reopen] = [ComplaintStatus.Resolved],
            [ComplaintAction.Escalate] = [ComplaintStatus.Filed, ComplaintStatus.Acknowledged, ComplaintStatus.Investigating],
        };

    public static bool Allows(ComplaintStatus from, ComplaintAction action) => AllowedFrom[action].Contains(from);

    /// <exception cref="ComplaintTransitionRefused">The action is not allowed from the complaint's status.</exception>
    public static void Require(Complaint complaint, ComplaintAction action)
    {
        if (!Allows(complaint.Status, action))
        {
            throw new ComplaintTransitionRefused(
                complaint,
                action,
                $"allowed only when {string.Join(" or ", AllowedFrom[action])}");
        }
    }
}
