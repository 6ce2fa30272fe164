namespace TclHotline.Complaints.Domain;

/// <summary>
/// The outcome of one decision: the next state, the events to publish (records of
/// TclHotline.Messages.Complaints) and the deadline instructions, all to be stored in one transaction.
/// </summary>
/// <param name="Changed">False when nothing happened (a stale breach, a cause already recorded): store nothing.</param>
public sealed record ComplaintTransition(
    Complaint Complaint,
    IReadOnlyList<object> Events,
    IReadOnlyList<DeadlineInstruction> Deadlines,
    bool Changed = true)
{
    public static ComplaintTransition Unchanged(Complaint complaint) => new(complaint, [], [], Changed: false);
}
