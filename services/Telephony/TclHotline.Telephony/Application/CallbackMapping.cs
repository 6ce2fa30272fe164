using TclHotline.Grpc.Telephony.V1;
using TclHotline.ServiceDefaults.Grpc;
using TclHotline.Telephony.Data;
using static TclHotline.ServiceDefaults.Grpc.ProtoValues;
using Domain = TclHotline.Telephony.Domain;

namespace TclHotline.Telephony.Application;

public static class CallbackMapping
{
    public static CallbackTask ToProto(CallbackRow row) => new()
    {
        CallbackId = row.CallbackId.ToString(),
        CallId = row.CallId,
        CallerNumber = row.CallerNumber,
        Queue = row.Queue,
        BranchCode = row.BranchCode,
        OrderId = row.OrderId?.ToString() ?? "",
        Reason = Enum.TryParse<Domain.CallbackReason>(row.Reason, out var reason) ? reason.ByName<CallbackReason>() : CallbackReason.Unspecified,
        State = Enum.Parse<Domain.CallbackState>(row.State).ByName<CallbackState>(),
        AbandonedAt = ToTimestamp(row.AbandonedAt),
        DueAt = ToTimestamp(row.DueAt),
        ClaimedBy = row.ClaimedBy ?? "",
        ClaimedAt = ToTimestamp(row.ClaimedAt),
        CompletedAt = ToTimestamp(row.CompletedAt),
        Outcome = row.Outcome ?? "",
    };

    /// <summary>Unspecified: the ones still to do.</summary>
    public static IReadOnlyList<string> StatesFor(CallbackState requested) => requested switch
    {
        CallbackState.Open => [nameof(Domain.CallbackState.Open)],
        CallbackState.Claimed => [nameof(Domain.CallbackState.Claimed)],
        CallbackState.Completed => [nameof(Domain.CallbackState.Completed)],
        _ => [nameof(Domain.CallbackState.Open), nameof(Domain.CallbackState.Claimed)],
    };
}
