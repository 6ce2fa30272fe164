namespace TclHotline.ServiceDefaults.Outbox;

/// <summary>An event to write to the outbox: a message of TclHotline.Messages and the aggregate whose order it keeps.</summary>
public sealed record OutboxEvent(object Message, string AggregateId);
