namespace TclHotline.Telephony.Domain;

public enum CallState
{
    Offered,
    Answered,
    Ended,
    Abandoned,
}

/// <summary>
/// A call's state from the events it has had, whatever order they came in: abandoned or ended outrank
/// answered (an abandoned call was never answered), so a late "answered" after "ended" records the agent without reopening the call.
/// </summary>
public static class CallStates
{
    public static CallState From(DateTimeOffset? answeredAt, DateTimeOffset? endedAt, DateTimeOffset? abandonedAt) =>
        abandonedAt is not null && answeredAt is null ? CallState.Abandoned
        : endedAt is not null ? CallState.Ended
        : answeredAt is not null ? CallState.Answered
        : CallState.Offered;
}
