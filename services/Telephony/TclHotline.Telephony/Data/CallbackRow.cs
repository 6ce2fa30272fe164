namespace TclHotline.Telephony.Data;

public sealed class CallbackRow
{
    public Guid CallbackId { get; init; }
    public string CallId { get; init; } = "";
    public string CallerNumber { get; init; } = "";
    public string Queue { get; init; } = "";
    public string BranchCode { get; init; } = "";
    public Guid? OrderId { get; init; }
    public string Reason { get; init; } = "";
    public string State { get; init; } = "";
    public DateTimeOffset AbandonedAt { get; init; }
    public DateTimeOffset DueAt { get; init; }
    public string? ClaimedBy { get; init; }
    public DateTimeOffset? ClaimedAt { get; init; }
    public DateTimeOffset? CompletedAt { get; init; }
    public string? Outcome { get; init; }
}
