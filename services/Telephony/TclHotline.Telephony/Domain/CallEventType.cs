namespace TclHotline.Telephony.Domain;

/// <summary>The kinds of event a PBX reports about a call; stored by name in call_events.</summary>
public enum CallEventType
{
    Offered,
    Answered,
    Transferred,
    Ended,
    Abandoned,
    RecordingAvailable,
}
