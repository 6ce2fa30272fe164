namespace TclHotline.Messages.Sla;

public sealed record DeadlineCancelled(string Owner, string SubjectId, string Kind, DateTimeOffset CancelledAt);
