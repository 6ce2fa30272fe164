namespace TclHotline.Complaints.Domain;

/// <summary>
/// An action the complaint's current state does not allow. The gRPC layer answers FailedPrecondition.
/// </summary>
public sealed class ComplaintTransitionRefused(Complaint complaint, ComplaintAction action, string why)
    : InvalidOperationException($"Complaint {complaint.Number} is {complaint.Status} at level {complaint.Level}: cannot {action} ({why}).")
{
    public Guid ComplaintId { get; } = complaint.Id;
    public ComplaintStatus Status { get; } = complaint.Status;
    public ComplaintAction Action { get; } = action;
}
