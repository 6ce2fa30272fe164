using Dapper;
using TclHotline.Grpc.Telephony.V1;
using TclHotline.ServiceDefaults.Database;
using TclHotline.ServiceDefaults.Grpc;
using TclHotline.ServiceDefaults.Security;
using TclHotline.Telephony.Data;

namespace TclHotline.Telephony.Application;

/// <summary>Reads call records, within the caller's branch (the branch of the order a call is linked to).</summary>
public sealed class CallRecords(TelephonyDatabase db)
{
    public const string ListOperation = "telephony.calls-for-order.list";

    public async Task<Call> GetAsync(string callId, Caller caller, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<CallRow>(
            new CommandDefinition(TelephonySql.SelectCall, new { CallId = callId }, cancellationToken: ct))
            ?? throw new NotFoundException("call not found");
        if (row.OrderId is { } orderId) await EnsureOrderBranchAsync(connection, orderId, caller, ct);
        else await EnsureMaySeeUnlinkedAsync(connection, row, caller, ct);
        return CallMapping.ToProto(row);
    }

    /// <summary>One page, oldest offer first; the page token is the last call's (offered, id).</summary>
    public async Task<ListCallsForOrderResponse> ListForOrderAsync(Guid orderId, int pageSize, CallListPosition? after, Caller caller, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await EnsureOrderBranchAsync(connection, orderId, caller, ct);
        var rows = (await connection.QueryAsync<CallRow>(new CommandDefinition(TelephonySql.SelectCallsForOrder[db.Dialect],
            new { OrderId = orderId, AfterOffered = after?.OfferedAt, AfterCallId = after?.CallId, Take = pageSize + 1 },
            cancellationToken: ct))).ToList();
        var (page, next) = PageToken.Page(ListOperation, rows, pageSize,
            r => new CallListPosition(r.OfferedAt?.ToUnixTimeMilliseconds() ?? -1, r.CallId));
        var response = new ListCallsForOrderResponse { NextPageToken = next };
        response.Calls.AddRange(page.Select(CallMapping.ToProto));
        return response;
    }

    /// <summary>
    /// A call linked to no order (abandoned, a consultation, or not yet linked) has no order branch: headquarters,
    /// the agent who took it (or had it transferred to them), or the branch of the callback it raised may see it.
    /// A callback of a caller with no order ("*") is every branch's agents' to return, so they may see its call.
    /// </summary>
    private static async Task EnsureMaySeeUnlinkedAsync(System.Data.Common.DbConnection connection, CallRow row, Caller caller, CancellationToken ct)
    {
        if (caller.IsHeadquarters || caller.UserId == row.AgentId || caller.UserId == row.TransferredToAgentId) return;
        var callbackBranch = await connection.QuerySingleOrDefaultAsync<string>(
            new CommandDefinition(TelephonySql.SelectCallbackBranchOfCall, new { row.CallId }, cancellationToken: ct));
        if (callbackBranch == HotlineClaims.AllBranches ? caller.IsIn(HotlineRoles.Agent) : callbackBranch is not null && caller.CanSeeBranch(callbackBranch))
            return;
        throw new AccessDeniedException("not permitted for this branch");
    }

    /// <summary>An order telephony has not heard of has no known branch: only headquarters may look.</summary>
    private static async Task EnsureOrderBranchAsync(System.Data.Common.DbConnection connection, Guid orderId, Caller caller, CancellationToken ct)
    {
        var branch = await connection.QuerySingleOrDefaultAsync<string>(
            new CommandDefinition(TelephonySql.SelectOrderBranch, new { OrderId = orderId }, cancellationToken: ct));
        if (branch is null)
        {
            if (!caller.IsHeadquarters) throw new AccessDeniedException("not permitted for this branch");
            return;
        }
        caller.EnsureBranch(branch);
    }
}

/// <summary>Where a call sorts under its order, the page token's key: offered at (Unix milliseconds as stored, -1 when not known yet), then id.</summary>
public sealed record CallListPosition(long OfferedAt, string CallId);
