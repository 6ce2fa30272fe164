using TclHotline.Grpc.Telephony.V1;
using TclHotline.ServiceDefaults.Validation;

namespace TclHotline.Telephony.Application;

/// <summary>Checks a call event from either transport, naming each bad field by its proto name.</summary>
public static class CallEventValidator
{
    internal const int MaxIdLength = 100;
    private const int MaxNumberLength = 40;
    private const int MaxUriLength = 1000;

    public static FieldErrors Validate(CallEvent e)
    {
        var errors = new FieldErrors();
        errors.Required("call_id", e.CallId);
        errors.MaxLength("call_id", e.CallId, MaxIdLength);
        if (e.EventTime is null) errors.Add("event_time", "is required");
        switch (e.EventCase)
        {
            case CallEvent.EventOneofCase.Offered:
                errors.Required("offered.caller_number", e.Offered.CallerNumber);
                errors.MaxLength("offered.caller_number", e.Offered.CallerNumber, MaxNumberLength);
                errors.MaxLength("offered.dialled_number", e.Offered.DialledNumber, MaxNumberLength);
                errors.Required("offered.queue", e.Offered.Queue);
                errors.MaxLength("offered.queue", e.Offered.Queue, MaxIdLength);
                break;
            case CallEvent.EventOneofCase.Answered:
                errors.Required("answered.agent_id", e.Answered.AgentId);
                errors.MaxLength("answered.agent_id", e.Answered.AgentId, MaxIdLength);
                errors.MaxLength("answered.extension", e.Answered.Extension, MaxNumberLength);
                break;
            case CallEvent.EventOneofCase.Transferred:
                if (string.IsNullOrWhiteSpace(e.Transferred.ToAgentId) && string.IsNullOrWhiteSpace(e.Transferred.ToQueue))
                    errors.Add("transferred.to_agent_id", "or transferred.to_queue is required");
                errors.MaxLength("transferred.to_agent_id", e.Transferred.ToAgentId, MaxIdLength);
                errors.MaxLength("transferred.to_queue", e.Transferred.ToQueue, MaxIdLength);
                if (e.Transferred.Sequence < 1) errors.Add("transferred.sequence", "must be 1 or more");
                break;
            case CallEvent.EventOneofCase.Ended:
                if (e.Ended.Duration is null || e.Ended.Duration.ToTimeSpan() < TimeSpan.Zero)
                    errors.Add("ended.duration", "is required and not negative");
                break;
            case CallEvent.EventOneofCase.Abandoned:
                if (e.Abandoned.WaitTime is null || e.Abandoned.WaitTime.ToTimeSpan() < TimeSpan.Zero)
                    errors.Add("abandoned.wait_time", "is required and not negative");
                break;
            case CallEvent.EventOneofCase.RecordingAvailable:
                errors.Required("recording_available.recording_uri", e.RecordingAvailable.RecordingUri);
                errors.MaxLength("recording_available.recording_uri", e.RecordingAvailable.RecordingUri, MaxUriLength);
                if (!string.IsNullOrWhiteSpace(e.RecordingAvailable.RecordingUri)
                    && !Uri.TryCreate(e.RecordingAvailable.RecordingUri, UriKind.Absolute, out _))
                    errors.Add("recording_available.recording_uri", "is not an absolute URI");
                break;
            default:
                errors.Add("event", "is required: offered, answered, transferred, ended, abandoned or recording_available");
                break;
        }
        return errors;
    }
}
