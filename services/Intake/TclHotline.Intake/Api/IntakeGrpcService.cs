using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using TclHotline.Intake.Application;
using TclHotline.Intake.Domain;
using TclHotline.Intake.Domain.Calls;
using TclHotline.ServiceDefaults.Grpc;
using TclHotline.ServiceDefaults.Security;
using TclHotline.ServiceDefaults.Validation;
using V1 = TclHotline.Grpc.Intake.V1;

namespace TclHotline.Intake.Api;

/// <summary>The agent's desk over gRPC: validate, hand to the registrar or the order book, map.</summary>
public sealed class IntakeGrpcService(
    RegisterCallValidator validator, CallRegistrar registrar, ServiceOrderBook orders, IOptions<IntakeOptions> options)
    : V1.IntakeService.IntakeServiceBase
{
    private const string Desk = HotlineRoles.Agent + "," + HotlineRoles.Administrator;
    private const string Readers = HotlineRoles.Agent + "," + HotlineRoles.Dispatcher + "," + HotlineRoles.ServiceDirector + ","
        + HotlineRoles.ComplaintHandler + "," + HotlineRoles.Administrator;
    private const string OrderReaders = Readers + "," + HotlineRoles.Engineer;
    private const string BranchVerifiers = HotlineRoles.ServiceDirector + "," + HotlineRoles.Dispatcher;
    private const string Cancellers = HotlineRoles.Agent + "," + HotlineRoles.Dispatcher + "," + HotlineRoles.Administrator;

    [Authorize(Roles = Desk)]
    public override async Task<V1.RegisterCallReply> RegisterCall(V1.RegisterCallRequest request, ServerCallContext context)
    {
        // Who took the call is the token's subject, whatever the request's agent_id says.
        var caller = Caller.From(context);
        var validation = validator.Validate(IntakeContract.ToInput(request) with { AgentId = caller.UserId });
        validation.Problems.ThrowIfAny();
        var idempotent = IdempotentRequest.For(caller, CallRegistrar.Operation, request.IdempotencyKey, request);
        return await registrar.RegisterAsync(validation.Registration!, idempotent, caller, IntakeContract.RegisterReplies, context.CancellationToken);
    }

    [Authorize(Roles = OrderReaders)]
    public override async Task<V1.ServiceOrder> GetServiceOrder(V1.GetServiceOrderRequest request, ServerCallContext context)
    {
        var errors = new FieldErrors();
        errors.Required("order_number", request.OrderNumber);
        errors.ThrowIfAny();
        var order = await orders.GetAsync(request.OrderNumber.Trim(), context.CancellationToken);
        Caller.From(context).EnsureMayRead(order.BranchCode, order.EngineerId);
        return IntakeContract.ToContract(await orders.ReadAsync(order, context.CancellationToken));
    }

    [Authorize(Roles = BranchVerifiers)]
    public override async Task<V1.ServiceOrder> RecordInvoiceVerification(V1.RecordInvoiceVerificationRequest request, ServerCallContext context)
    {
        var errors = new FieldErrors();
        errors.Required("order_number", request.OrderNumber);
        errors.Required("reason", request.Reason);
        errors.MaxLength("reason", request.Reason, options.Value.VerificationReasonMaxLength);
        errors.ThrowIfAny();
        var order = await orders.VerifyInvoiceAsync(request.OrderNumber.Trim(), request.Genuine, request.Reason.Trim(),
            Caller.From(context), context.CancellationToken);
        return IntakeContract.ToContract(await orders.ReadAsync(order, context.CancellationToken));
    }

    [Authorize(Roles = BranchVerifiers + "," + HotlineRoles.Administrator)]
    public override async Task<V1.ListServiceOrdersReply> ListPendingInvoiceVerifications(
        V1.ListPendingInvoiceVerificationsRequest request, ServerCallContext context)
    {
        var errors = new FieldErrors();
        var after = CheckPage(errors, ServiceOrderBook.PendingVerificationsOperation, request.PageSize, request.PageToken);
        errors.ThrowIfAny();
        var requested = string.IsNullOrWhiteSpace(request.BranchCode) ? null : request.BranchCode.Trim();
        var branch = Caller.From(context).ScopeBranch(requested);
        if (branch is null)
            new FieldErrors().Add("branch_code", "is required").ThrowIfAny();
        return IntakeContract.ToContract(
            await orders.PendingInvoiceVerificationsAsync(branch!, request.PageSize, after, context.CancellationToken));
    }

    [Authorize(Roles = Readers)]
    public override async Task<V1.ListServiceOrdersReply> ListServiceOrders(V1.ListServiceOrdersRequest request, ServerCallContext context)
    {
        var errors = new FieldErrors();
        if (!Enum.IsDefined(request.Status))
            errors.Add("status", "is not a known status");
        if (!Enum.IsDefined(request.OrderType))
            errors.Add("order_type", "is not a known order type");
        if (!IntakeContract.TryDate(request.RegisteredFrom, out var from))
            errors.Add("registered_from", "must be a date written yyyy-MM-dd");
        if (!IntakeContract.TryDate(request.RegisteredTo, out var to))
            errors.Add("registered_to", "must be a date written yyyy-MM-dd");
        var after = CheckPage(errors, ServiceOrderBook.ListOperation, request.PageSize, request.PageToken);
        errors.ThrowIfAny();

        var caller = Caller.From(context);
        var requested = string.IsNullOrWhiteSpace(request.BranchCode) ? null : request.BranchCode.Trim();
        var branch = caller.IsIn(HotlineRoles.Agent) ? requested : caller.ScopeBranch(requested);
        var filter = new ServiceOrderFilter(
            branch,
            request.Status == V1.OrderStatus.Unspecified ? null : (OrderStatus)request.Status,
            request.OrderType == V1.OrderType.Unspecified ? null : (OrderType)request.OrderType,
            from,
            to);
        return IntakeContract.ToContract(await orders.ListAsync(filter, request.PageSize, after, context.CancellationToken));
    }

    [Authorize(Roles = Cancellers)]
    public override async Task<V1.ServiceOrder> CancelServiceOrder(V1.CancelServiceOrderRequest request, ServerCallContext context)
    {
        var errors = new FieldErrors();
        errors.Required("order_number", request.OrderNumber);
        errors.Required("reason", request.Reason);
        errors.MaxLength("reason", request.Reason, options.Value.CancelReasonMaxLength);
        var caller = Caller.From(context);
        // Who cancelled is the token's subject; the request's cancelled_by is not trusted.
        var by = caller.UserId;
        errors.MaxLength("cancelled_by", by, options.Value.CancelledByMaxLength);
        errors.ThrowIfAny();
        var order = await orders.CancelAsync(request.OrderNumber.Trim(), request.Reason.Trim(), by, caller, context.CancellationToken);
        return IntakeContract.ToContract(order);
    }

    [Authorize(Roles = Desk)]
    public override async Task<V1.LookupCallerReply> LookupCaller(V1.LookupCallerRequest request, ServerCallContext context)
    {
        var errors = new FieldErrors();
        var number = CallerNumber.Normalize(request.CallerNumber);
        if (number is null)
            errors.Add("caller_number", "must be a mobile number, a landline with its area code, or a 400 number");
        errors.CountUpTo("max_calls", request.MaxCalls, options.Value.MaxLastCalls);
        errors.CountUpTo("max_open_orders", request.MaxOpenOrders, options.Value.MaxOpenOrders);
        errors.CountUpTo("max_units", request.MaxUnits, options.Value.MaxUnits);
        errors.ThrowIfAny();
        return IntakeContract.ToContract(
            await orders.LookupAsync(number!, request.MaxCalls, request.MaxOpenOrders, request.MaxUnits, context.CancellationToken));
    }

    /// <summary>A page size and token as every order list takes them; the token's key, null for the first page.</summary>
    private static ServiceOrderListPosition? CheckPage(FieldErrors errors, string list, int pageSize, string pageToken)
    {
        if (pageSize < 0)
            errors.Add("page_size", "must not be negative");
        return PageToken.Decode<ServiceOrderListPosition>(list, pageToken, errors);
    }
}
