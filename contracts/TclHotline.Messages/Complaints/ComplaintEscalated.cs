namespace TclHotline.Messages.Complaints;

/// <param name="ToLevel">1 branch service director, 2 regional service manager, 3 headquarters customer service.</param>
public sealed record ComplaintEscalated(
    Guid ComplaintId,
    string ComplaintNumber,
    string BranchCode,
    int FromLevel,
    int ToLevel,
    string LevelName,
    string Owner,
    string Reason,
    DateTimeOffset EscalatedAt);
