namespace TclHotline.Messages.Intake;

public sealed record ServiceOrderCancelled(
    Guid OrderId,
    string OrderNumber,
    string BranchCode,
    string Reason,
    string CancelledBy,
    DateTimeOffset CancelledAt);
