namespace TclHotline.Complaints.Domain;

public enum EscalationTrigger
{
    Manual,
    AcknowledgeMissed,
    ResolveMissed,
}
