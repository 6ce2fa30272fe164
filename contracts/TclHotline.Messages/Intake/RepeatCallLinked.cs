namespace TclHotline.Messages.Intake;

/// <summary>
/// A customer called again about an order that is still open (催单). Linked to that order, never a new one.
/// </summary>
/// <param name="RepeatCallId">The repeat call's own id: the natural key consumers deduplicate on.</param>
/// <param name="RepeatCount">How many repeat calls the order has had so far, this one included.</param>
public sealed record RepeatCallLinked(
    Guid RepeatCallId,
    Guid OrderId,
    string OrderNumber,
    string BranchCode,
    string CustomerName,
    string CallerNumber,
    string? CallId,
    int RepeatCount,
    DateTimeOffset CalledAt);
