using Dapper;
using Microsoft.Extensions.Options;
using TclHotline.Grpc.Telephony.V1;
using TclHotline.Messages;
using TclHotline.Messages.Sla;
using TclHotline.ServiceDefaults.Database;
using TclHotline.ServiceDefaults.Grpc;
using TclHotline.ServiceDefaults.Security;
using TclHotline.Telephony.Data;
using TclHotline.Telephony.Domain;
using CallbackState = TclHotline.Telephony.Domain.CallbackState;

namespace TclHotline.Telephony.Application;

/// <summary>
/// Abandoned calls that agents must return: created from the call, claimed by one agent, completed by
/// them. Each has a deadline on the SLA timer, set at creation and met at completion.
/// </summary>
public sealed class CallbackTasks(TelephonyDatabase db, CallbackPolicy policy, IOptions<TelephonyOptions> settings)
{
    private const string ListOperation = "telephony.callbacks.list";

    private readonly TelephonyOptions options = settings.Value;

    /// <summary>Creates the callback once the call is known to be abandoned and who called; at most one per call.</summary>
    public async Task ConsiderAsync(UnitOfWork unit, CallRow call)
    {
        if (call.AbandonedAt is not { } abandonedAt || string.IsNullOrWhiteSpace(call.CallerNumber)) return;
        var openOrder = await unit.QuerySingleOrDefaultAsync<OrderRow>(TelephonySql.SelectOpenOrdersOfCustomer[unit.Dialect],
            new { Phone = PhoneNumber.Normalize(call.CallerNumber), Take = 1, OrderStatus.Closed });
        var reason = policy.Decide(TimeSpan.FromMilliseconds(call.WaitMs ?? 0), openOrder is not null);
        if (reason is null) return;

        var callbackId = Guid.NewGuid();
        var branch = openOrder?.BranchCode ?? HotlineClaims.AllBranches;
        var dueAt = policy.DueAt(abandonedAt);
        var created = await unit.ExecuteAsync(TelephonySql.InsertCallback[unit.Dialect], new
        {
            CallbackId = callbackId,
            call.CallId,
            call.CallerNumber,
            Queue = call.Queue ?? "",
            BranchCode = branch,
            openOrder?.OrderId,
            Reason = reason.Value.ToString(),
            AbandonedAt = abandonedAt,
            DueAt = dueAt,
            unit.Now,
        });
        if (created == 0) return;
        await unit.PublishAsync(
            new DeadlineSet(DeadlineOwners.Telephony, callbackId.ToString(), DeadlineKinds.Callback, branch, abandonedAt, dueAt, unit.Now),
            aggregateId: callbackId.ToString());
    }

    /// <summary>One page, soonest due first; the token is the last row's (due, id).</summary>
    public async Task<ListCallbacksResponse> ListAsync(
        Grpc.Telephony.V1.CallbackState state, string? branch, int pageSize, string pageToken, CancellationToken ct)
    {
        var size = pageSize <= 0 ? options.CallbackPageSize : Math.Min(pageSize, options.MaxCallbackPageSize);
        var after = PageToken.Decode<CallbackListPosition>(ListOperation, pageToken);
        await using var connection = await db.OpenAsync(ct);
        var rows = (await connection.QueryAsync<CallbackRow>(new CommandDefinition(TelephonySql.SelectCallbacks[db.Dialect], new
        {
            States = CallbackMapping.StatesFor(state), BranchCode = branch, Take = size + 1,
            AfterDue = after?.DueAt, AfterId = after?.Id,
        }, cancellationToken: ct))).ToList();
        var (page, next) = PageToken.Page(ListOperation, rows, size, r => new CallbackListPosition(r.DueAt, r.CallbackId));
        var response = new ListCallbacksResponse { NextPageToken = next };
        response.Callbacks.AddRange(page.Select(CallbackMapping.ToProto));
        return response;
    }

    /// <summary>Where a callback sorts in the list, soonest due first: the page token's key.</summary>
    private sealed record CallbackListPosition(DateTimeOffset DueAt, Guid Id);

    public async Task<CallbackTask> ClaimAsync(Guid callbackId, Caller caller, CancellationToken ct)
    {
        await using var unit = await db.BeginAsync(ct);
        var row = await FindVisibleAsync(unit, callbackId, caller);
        var claimed = await unit.ExecuteAsync(TelephonySql.ClaimCallback, new { CallbackId = callbackId, AgentId = caller.UserId, unit.Now });
        if (claimed == 0)
            throw new RuleViolationException(row.State == nameof(CallbackState.Completed)
                ? "the callback is already completed"
                : "the callback is claimed by another agent");
        row = await FindVisibleAsync(unit, callbackId, caller);
        await unit.CommitAsync();
        return CallbackMapping.ToProto(row);
    }

    /// <summary>Completing twice returns the completed task again without a second DeadlineMet.</summary>
    public async Task<CallbackTask> CompleteAsync(Guid callbackId, string outcome, Caller caller, CancellationToken ct)
    {
        await using var unit = await db.BeginAsync(ct);
        var row = await FindVisibleAsync(unit, callbackId, caller);
        if (row.State == nameof(CallbackState.Completed) && row.ClaimedBy == caller.UserId) return CallbackMapping.ToProto(row);
        var completed = await unit.ExecuteAsync(TelephonySql.CompleteCallback, new { CallbackId = callbackId, AgentId = caller.UserId, Outcome = outcome, unit.Now });
        if (completed == 0)
            throw new RuleViolationException(row.State == nameof(CallbackState.Open)
                ? "claim the callback before completing it"
                : "the callback is claimed or completed by another agent");
        await unit.PublishAsync(
            new DeadlineMet(DeadlineOwners.Telephony, callbackId.ToString(), DeadlineKinds.Callback, unit.Now),
            aggregateId: callbackId.ToString());
        row = await FindVisibleAsync(unit, callbackId, caller);
        await unit.CommitAsync();
        return CallbackMapping.ToProto(row);
    }

    private static async Task<CallbackRow> FindVisibleAsync(UnitOfWork unit, Guid callbackId, Caller caller)
    {
        var row = await unit.QuerySingleOrDefaultAsync<CallbackRow>(TelephonySql.SelectCallback, new { CallbackId = callbackId })
            ?? throw new NotFoundException("callback not found");
        // A caller with no order belongs to no branch: every branch's agents may call them back.
        if (row.BranchCode != HotlineClaims.AllBranches) caller.EnsureBranch(row.BranchCode);
        return row;
    }
}
