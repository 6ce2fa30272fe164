namespace TclHotline.Telephony.Data;

public sealed class CallRow
{
    public string CallId { get; init; } = "";
    public string State { get; init; } = "";
    public string? CallerNumber { get; init; }
    public string? DialledNumber { get; init; }
    public string? Queue { get; init; }
    public string? AgentId { get; init; }
    public string? Extension { get; init; }
    public DateTimeOffset? OfferedAt { get; init; }
    public DateTimeOffset? AnsweredAt { get; init; }
    public DateTimeOffset? EndedAt { get; init; }
    public DateTimeOffset? AbandonedAt { get; init; }
    public long? DurationMs { get; init; }
    public string? HungUpBy { get; init; }
    public long? WaitMs { get; init; }
    public string? RecordingUri { get; init; }
    public string? TransferredToAgentId { get; init; }
    public string? TransferredToQueue { get; init; }
    public DateTimeOffset? TransferredAt { get; init; }
    public Guid? OrderId { get; init; }
    public Guid? ComplaintCallId { get; init; }
    public long TransferCount { get; init; }
}
