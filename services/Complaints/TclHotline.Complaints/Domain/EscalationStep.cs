namespace TclHotline.Complaints.Domain;

public sealed record EscalationStep(
    EscalationLevel From,
    EscalationLevel To,
    string Owner,
    EscalationTrigger Trigger,
    string Reason,
    string EscalatedBy,
    DateTimeOffset EscalatedAt);
