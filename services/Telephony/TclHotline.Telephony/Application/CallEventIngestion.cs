using Microsoft.Extensions.Logging;
using TclHotline.Grpc.Telephony.V1;
using TclHotline.ServiceDefaults.Database;
using TclHotline.ServiceDefaults.Feeds;
using TclHotline.ServiceDefaults.Observability;
using TclHotline.Telephony.Data;
using TclHotline.Telephony.Domain;
using CallState = TclHotline.Telephony.Domain.CallState;

namespace TclHotline.Telephony.Application;

/// <summary>
/// The one handler behind the gRPC calls and the webhook. An event is recorded once per (call, type,
/// transfer sequence); each type fills its own columns, so the order of arrival does not matter.
/// </summary>
public sealed class CallEventIngestion(
    TelephonyDatabase db,
    CallbackTasks callbacks,
    CallerLookup lookup,
    LiveFeed<DeskPop> desks,
    TelephonyMetrics metrics,
    ILogger<CallEventIngestion> logger)
{
    /// <summary>False when the event had been recorded before: nothing changes then.</summary>
    public async Task<bool> RecordAsync(CallEvent e, CancellationToken ct)
    {
        var type = TypeOf(e);
        var at = e.EventTime.ToDateTimeOffset();
        await using var unit = await db.BeginAsync(ct);
        var fresh = await unit.ExecuteAsync(TelephonySql.InsertCallEvent[unit.Dialect], new
        {
            e.CallId,
            EventType = type.ToString(),
            Sequence = type == CallEventType.Transferred ? e.Transferred.Sequence : 0,
            EventTime = at,
            ReceivedAt = unit.Now,
        });
        if (fresh == 0)
        {
            logger.LogInformation("Repeated {EventType} for call {CallId} ignored", type, e.CallId);
            return false;
        }

        await unit.ExecuteAsync(TelephonySql.EnsureCall[unit.Dialect], new { e.CallId, unit.Now });
        await unit.ExecuteAsync(ApplyStatement(type), ApplyParameters(e, at));
        var call = (await unit.QuerySingleOrDefaultAsync<CallRow>(TelephonySql.SelectCall, new { e.CallId }))!;
        var state = CallStates.From(call.AnsweredAt, call.EndedAt, call.AbandonedAt);
        await unit.ExecuteAsync(TelephonySql.SetCallState, new { e.CallId, State = state.ToString(), unit.Now });

        // Either may arrive second; the callback needs the caller (offered) and the abandonment.
        if (type is CallEventType.Offered or CallEventType.Abandoned) await callbacks.ConsiderAsync(unit, call);

        // A late "answered" for a call already over records the agent but pops nothing. An offer that arrives
        // after its answer pops again, now with the caller, so the desk is not left with an unknown caller.
        if (state == CallState.Answered && (type == CallEventType.Answered || type == CallEventType.Offered))
        {
            var pop = await lookup.PopAsync(unit, call);
            unit.AfterCommit(() => desks.Publish(DeskPop.For(call.AgentId!, pop)));
        }

        unit.AfterCommit(() => metrics.Recorded(type, call));
        await unit.CommitAsync();
        logger.LogInformation("Recorded {EventType} for call {CallId} from {Caller}", type, e.CallId, Redact.Phone(call.CallerNumber));
        return true;
    }

    public static CallEventType TypeOf(CallEvent e) => e.EventCase switch
    {
        CallEvent.EventOneofCase.Offered => CallEventType.Offered,
        CallEvent.EventOneofCase.Answered => CallEventType.Answered,
        CallEvent.EventOneofCase.Transferred => CallEventType.Transferred,
        CallEvent.EventOneofCase.Ended => CallEventType.Ended,
        CallEvent.EventOneofCase.Abandoned => CallEventType.Abandoned,
        CallEvent.EventOneofCase.RecordingAvailable => CallEventType.RecordingAvailable,
        _ => throw new ArgumentException("A call event without an event reached ingestion unvalidated.", nameof(e)),
    };

    private static string ApplyStatement(CallEventType type) => type switch
    {
        CallEventType.Offered => TelephonySql.ApplyOffered,
        CallEventType.Answered => TelephonySql.ApplyAnswered,
        CallEventType.Transferred => TelephonySql.ApplyTransferred,
        CallEventType.Ended => TelephonySql.ApplyEnded,
        CallEventType.Abandoned => TelephonySql.ApplyAbandoned,
        _ => TelephonySql.ApplyRecording,
    };

    private static object ApplyParameters(CallEvent e, DateTimeOffset at) => e.EventCase switch
    {
        CallEvent.EventOneofCase.Offered => new
        {
            e.CallId, At = at, e.Offered.CallerNumber, e.Offered.DialledNumber, e.Offered.Queue,
        },
        CallEvent.EventOneofCase.Answered => new { e.CallId, At = at, e.Answered.AgentId, e.Answered.Extension },
        CallEvent.EventOneofCase.Transferred => new
        {
            e.CallId, At = at, ToAgentId = NullIfEmpty(e.Transferred.ToAgentId), ToQueue = NullIfEmpty(e.Transferred.ToQueue),
        },
        CallEvent.EventOneofCase.Ended => new
        {
            e.CallId, At = at, DurationMs = (long)e.Ended.Duration.ToTimeSpan().TotalMilliseconds,
            HungUpBy = CallMapping.PartyName(e.Ended.HungUpBy),
        },
        CallEvent.EventOneofCase.Abandoned => new
        {
            e.CallId, At = at, WaitMs = (long)e.Abandoned.WaitTime.ToTimeSpan().TotalMilliseconds,
        },
        _ => new { e.CallId, e.RecordingAvailable.RecordingUri },
    };

    private static string? NullIfEmpty(string value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
