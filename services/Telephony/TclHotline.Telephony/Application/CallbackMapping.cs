using TclHotline.Grpc.Telephony.V1;
using TclHotline.Telephony.Data;
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
        Reason = row.Reason switch
        {
            nameof(Domain.CallbackReason.OpenOrder) => CallbackReason.OpenOrder,
            nameof(Domain.CallbackReason.LongWait) => CallbackReason.LongWait,
            _ => CallbackReason.Unspecified,
        },
        State = ToProto(Enum.Parse<Domain.CallbackState>(row.State)),
        AbandonedAt = CallMapping.Instant(row.AbandonedAt),
        DueAt = CallMapping.Instant(row.DueAt),
        ClaimedBy = row.ClaimedBy ?? "",
        ClaimedAt = CallMapping.Instant(row.ClaimedAt),
        CompletedAt = CallMapping.Instant(row.CompletedAt),
        Outcome = row.Outcome ?? "",
    };

    public static CallbackState ToProto(Domain.CallbackState state) => state switch
    {
        Domain.CallbackState.Open => CallbackState.Open,
        Domain.CallbackState.Claimed => CallbackState.Claimed,
        _ => CallbackState.Completed,
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
