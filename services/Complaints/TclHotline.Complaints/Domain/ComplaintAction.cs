namespace TclHotline.Complaints.Domain;

/// <summary>What a person can do to a complaint; <see cref="ComplaintTransitions"/> says from which statuses.</summary>
public enum ComplaintAction
{
    Acknowledge,
    StartInvestigation,
    Resolve,
    Close,
    Reopen,
    Escalate,
}
