namespace TclHotline.Telephony.Domain;

public enum CallbackReason
{
    OpenOrder,
    LongWait,
}

public enum CallbackState
{
    Open,
    Claimed,
    Completed,
}

/// <summary>Which abandoned calls are called back, and by when.</summary>
public sealed class CallbackPolicy(TelephonyOptions options)
{
    /// <summary>Null: no callback. An open order comes first: it is the reason the agent needs to see.</summary>
    public CallbackReason? Decide(TimeSpan waitTime, bool callerHasOpenOrder) =>
        callerHasOpenOrder ? CallbackReason.OpenOrder
        : waitTime > options.CallbackAfterWait ? CallbackReason.LongWait
        : null;

    public DateTimeOffset DueAt(DateTimeOffset abandonedAt) => abandonedAt + options.CallbackDue;
}
