using Google.Protobuf.WellKnownTypes;
using TclHotline.Grpc.Telephony.V1;

namespace TclHotline.Telephony.Tests.Support;

/// <summary>
/// One call as a PBX reports it, event by event with the PBX's clock advancing between them:
/// <c>new CallScript("c1", t0).Offered(...).After(8s).Answered(...)</c>.
/// </summary>
public sealed class CallScript(string callId, DateTimeOffset start)
{
    private readonly List<CallEvent> _events = [];
    // PBXs report milliseconds, which is what is stored.
    private DateTimeOffset _now = DateTimeOffset.FromUnixTimeMilliseconds(start.ToUnixTimeMilliseconds());

    public string CallId => callId;
    public IReadOnlyList<CallEvent> Events => _events;

    public CallEvent this[int index] => _events[index];

    public CallScript After(TimeSpan span)
    {
        _now += span;
        return this;
    }

    public CallScript Offered(string callerNumber, string queue, string dialled = "4008123999") =>
        Add(e => e.Offered = new CallOffered { CallerNumber = callerNumber, Queue = queue, DialledNumber = dialled });

    public CallScript Answered(string agentId, string extension) =>
        Add(e => e.Answered = new CallAnswered { AgentId = agentId, Extension = extension });

    public CallScript Transferred(int sequence, string toAgentId = "", string toQueue = "") =>
        Add(e => e.Transferred = new CallTransferred { Sequence = sequence, ToAgentId = toAgentId, ToQueue = toQueue });

    public CallScript Ended(TimeSpan duration, HangUpParty by) =>
        Add(e => e.Ended = new CallEnded { Duration = Duration.FromTimeSpan(duration), HungUpBy = by });

    public CallScript Abandoned(TimeSpan waited) =>
        Add(e => e.Abandoned = new CallAbandoned { WaitTime = Duration.FromTimeSpan(waited) });

    public CallScript Recording(string uri) =>
        Add(e => e.RecordingAvailable = new RecordingAvailable { RecordingUri = uri });

    private CallScript Add(Action<CallEvent> fill)
    {
        var e = new CallEvent { CallId = callId, EventTime = Timestamp.FromDateTimeOffset(_now) };
        fill(e);
        _events.Add(e);
        return this;
    }
}
