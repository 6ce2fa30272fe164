namespace TclHotline.Messages.Complaints;

/// <param name="Source">Agent | CommitmentBreached | RepeatCalls</param>
public sealed record ComplaintFiled(
    Guid ComplaintId,
    string ComplaintNumber,
    string BranchCode,
    string Category,
    string Source,
    Guid? OrderId,
    string? EngineerId,
    DateTimeOffset FiledAt);
