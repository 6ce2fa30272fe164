using Google.Protobuf.WellKnownTypes;
using TclHotline.Grpc.Telephony.V1;
using TclHotline.ServiceDefaults.Grpc;
using TclHotline.Telephony.Data;
using static TclHotline.ServiceDefaults.Grpc.ProtoValues;
using ProtoCallState = TclHotline.Grpc.Telephony.V1.CallState;

namespace TclHotline.Telephony.Application;

/// <summary>Call records between their stored and their proto form.</summary>
public static class CallMapping
{
    /// <summary>Stored by name: "Caller", "Agent", "System"; null when the PBX did not say.</summary>
    public static string? PartyName(HangUpParty party) => party switch
    {
        HangUpParty.Caller => "Caller",
        HangUpParty.Agent => "Agent",
        HangUpParty.System => "System",
        _ => null,
    };

    private static HangUpParty Party(string? name) => name switch
    {
        "Caller" => HangUpParty.Caller,
        "Agent" => HangUpParty.Agent,
        "System" => HangUpParty.System,
        _ => HangUpParty.Unspecified,
    };

    private static ProtoCallState State(string state) =>
        System.Enum.TryParse<Domain.CallState>(state, out var known) ? known.ByName<ProtoCallState>() : ProtoCallState.Unspecified;

    public static Call ToProto(CallRow row) => new()
    {
        CallId = row.CallId,
        State = State(row.State),
        CallerNumber = row.CallerNumber ?? "",
        DialledNumber = row.DialledNumber ?? "",
        Queue = row.Queue ?? "",
        AgentId = row.AgentId ?? "",
        Extension = row.Extension ?? "",
        OfferedAt = ToTimestamp(row.OfferedAt),
        AnsweredAt = ToTimestamp(row.AnsweredAt),
        EndedAt = ToTimestamp(row.EndedAt),
        AbandonedAt = ToTimestamp(row.AbandonedAt),
        Duration = Span(row.DurationMs),
        HungUpBy = Party(row.HungUpBy),
        WaitTime = Span(row.WaitMs),
        RecordingUri = row.RecordingUri ?? "",
        TransferredToAgentId = row.TransferredToAgentId ?? "",
        TransferredToQueue = row.TransferredToQueue ?? "",
        TransferredAt = ToTimestamp(row.TransferredAt),
        TransferCount = (int)row.TransferCount,
        OrderId = row.OrderId?.ToString() ?? "",
        ComplaintCallId = row.ComplaintCallId?.ToString() ?? "",
    };

    private static Duration? Span(long? milliseconds) =>
        milliseconds is { } ms ? Duration.FromTimeSpan(TimeSpan.FromMilliseconds(ms)) : null;
}
