namespace TclHotline.Intake.Application;

/// <summary>What a registered call did: opened an order, joined the open one as a repeat call, or went to the complaint desk.</summary>
public sealed record RegisteredCall(Guid CallRecordId, OrderRecord? Order, bool RepeatCall, int RepeatCount, bool HandedToComplaints);

/// <summary>
/// The reply a registration gives in its caller's contract, and that reply's stored form: it is kept under the
/// idempotency key in the registration's own transaction, so a repeat gets back exactly what the first request got.
/// </summary>
public sealed record ReplyForm<TReply>(Func<RegisteredCall, TReply> Reply, Func<TReply, byte[]> Write, Func<byte[], TReply> Read);
