namespace TclHotline.Complaints.Domain;

/// <summary>
/// Filed → Acknowledged (the customer was called back) → Investigating → Resolved → Closed (with the
/// return call's satisfaction score). A reopened complaint goes back to Investigating.
/// </summary>
public enum ComplaintStatus
{
    Filed,
    Acknowledged,
    Investigating,
    Resolved,
    Closed,
}
