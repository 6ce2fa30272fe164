using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using TclHotline.Grpc.Telephony.V1;
using TclHotline.ServiceDefaults.Feeds;
using TclHotline.ServiceDefaults.Grpc;
using TclHotline.ServiceDefaults.Security;
using TclHotline.ServiceDefaults.Validation;
using TclHotline.Telephony.Application;
using TclHotline.Telephony.Domain;

namespace TclHotline.Telephony.Api;

public sealed class TelephonyGrpcService(
    CallEventIngestion ingestion,
    LiveFeed<DeskPop> desks,
    CallbackTasks callbacks,
    CallRecords calls,
    IOptions<TelephonyOptions> options) : TelephonyService.TelephonyServiceBase
{
    private const string Connectors = HotlineRoles.TelephonyConnector + "," + HotlineRoles.Administrator;
    private const string Agents = HotlineRoles.Agent + "," + HotlineRoles.Administrator;
    private const string CallReaders = HotlineRoles.Agent + "," + HotlineRoles.ComplaintHandler + "," + HotlineRoles.ServiceDirector
        + "," + HotlineRoles.Dispatcher + "," + HotlineRoles.Administrator;

    /// <summary>The claim a desk token may carry when the agent id differs from the token's subject.</summary>
    public const string AgentIdClaim = "agent_id";

    [Authorize(Roles = Connectors)]
    public override async Task<ReportCallEventResponse> ReportCallEvent(CallEvent request, ServerCallContext context)
    {
        CallEventValidator.Validate(request).ThrowIfAny();
        return new ReportCallEventResponse { Recorded = await ingestion.RecordAsync(request, context.CancellationToken) };
    }

    [Authorize(Roles = Connectors)]
    public override async Task<StreamCallEventsSummary> StreamCallEvents(IAsyncStreamReader<CallEvent> requestStream, ServerCallContext context)
    {
        var summary = new StreamCallEventsSummary();
        await foreach (var e in requestStream.ReadAllAsync(context.CancellationToken))
        {
            summary.Received++;
            CallEventValidator.Validate(e).ThrowIfAny();
            if (await ingestion.RecordAsync(e, context.CancellationToken)) summary.Recorded++;
            else summary.Duplicates++;
        }
        return summary;
    }

    [Authorize(Roles = Agents)]
    public override async Task WatchAgentDesk(WatchAgentDeskRequest request, IServerStreamWriter<ScreenPop> responseStream, ServerCallContext context)
    {
        var errors = new FieldErrors();
        errors.Required("agent_id", request.AgentId);
        errors.ThrowIfAny();
        var caller = Caller.From(context);
        var agentClaim = context.GetHttpContext().User.FindFirst(AgentIdClaim)?.Value;
        if (!caller.IsIn(HotlineRoles.Administrator) && request.AgentId != caller.UserId && request.AgentId != agentClaim)
            throw new AccessDeniedException("agents watch only their own desk");

        using var subscription = desks.Subscribe(request.AgentId, options.Value.DeskQueueCapacity);
        // Headers tell the desk it is subscribed: no pop after this point is missed.
        await context.WriteResponseHeadersAsync([]);
        try
        {
            await foreach (var pop in subscription.Items.ReadAllAsync(context.CancellationToken))
                await responseStream.WriteAsync(pop.ToScreenPop(), context.CancellationToken);
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            // The desk went away.
        }
    }

    [Authorize(Roles = Agents)]
    public override async Task<ListCallbacksResponse> ListCallbacks(ListCallbacksRequest request, ServerCallContext context)
    {
        var errors = new FieldErrors();
        if (request.PageSize < 0) errors.Add("page_size", "must not be negative");
        errors.ThrowIfAny();
        var branch = Caller.From(context).ScopeBranch(request.BranchCode);
        return await callbacks.ListAsync(request.State, branch, request.PageSize, request.PageToken, context.CancellationToken);
    }

    [Authorize(Roles = Agents)]
    public override Task<CallbackTask> ClaimCallback(ClaimCallbackRequest request, ServerCallContext context) =>
        callbacks.ClaimAsync(ParseId("callback_id", request.CallbackId), Caller.From(context), context.CancellationToken);

    [Authorize(Roles = Agents)]
    public override Task<CallbackTask> CompleteCallback(CompleteCallbackRequest request, ServerCallContext context)
    {
        var errors = new FieldErrors();
        var id = errors.Id("callback_id", request.CallbackId);
        errors.MaxLength("outcome", request.Outcome, 500);
        errors.ThrowIfAny();
        return callbacks.CompleteAsync(id, request.Outcome, Caller.From(context), context.CancellationToken);
    }

    [Authorize(Roles = CallReaders)]
    public override Task<Call> GetCall(GetCallRequest request, ServerCallContext context)
    {
        var errors = new FieldErrors();
        errors.Required("call_id", request.CallId);
        errors.MaxLength("call_id", request.CallId, CallEventValidator.MaxIdLength);
        errors.ThrowIfAny();
        return calls.GetAsync(request.CallId, Caller.From(context), context.CancellationToken);
    }

    [Authorize(Roles = CallReaders)]
    public override Task<ListCallsForOrderResponse> ListCallsForOrder(ListCallsForOrderRequest request, ServerCallContext context)
    {
        var errors = new FieldErrors();
        var orderId = errors.Id("order_id", request.OrderId);
        if (request.PageSize < 0) errors.Add("page_size", "must not be negative");
        var after = PageToken.Decode<CallListPosition>(CallRecords.ListOperation, request.PageToken, errors);
        errors.ThrowIfAny();
        var size = request.PageSize == 0 ? options.Value.CallPageSize : Math.Min(request.PageSize, options.Value.MaxCallPageSize);
        return calls.ListForOrderAsync(orderId, size, after, Caller.From(context), context.CancellationToken);
    }

    private static Guid ParseId(string field, string value)
    {
        var errors = new FieldErrors();
        var id = errors.Id(field, value);
        errors.ThrowIfAny();
        return id;
    }
}
