using Google.Protobuf;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using TclHotline.Complaints.Application;
using TclHotline.Complaints.Data;
using TclHotline.Complaints.Domain;
using TclHotline.Complaints.Domain.EngineerQuality;
using TclHotline.Grpc.Complaints.V1;
using TclHotline.ServiceDefaults.Database;
using TclHotline.ServiceDefaults.Grpc;
using TclHotline.ServiceDefaults.Security;
using TclHotline.ServiceDefaults.Validation;
using DomainComplaint = TclHotline.Complaints.Domain.Complaint;
using ProtoComplaint = TclHotline.Grpc.Complaints.V1.Complaint;

namespace TclHotline.Complaints.Api;

/// <summary>
/// The complaint desk (tclhotline.complaints.v1): validate → domain → map. Agents may only file;
/// complaint handlers, service directors and administrators work complaints, within their branch.
/// </summary>
public sealed class ComplaintDeskGrpcService(
    ComplaintsDatabase db,
    ComplaintCommands commands,
    ComplaintRequestValidator validator,
    EngineerAssessment assessment,
    ComplaintListOptions listing) : ComplaintDesk.ComplaintDeskBase
{
    private const string Handlers = HotlineRoles.ComplaintHandler + "," + HotlineRoles.ServiceDirector + "," + HotlineRoles.Administrator;
    private const string Filers = HotlineRoles.Agent + "," + Handlers;
    private const string FileOperation = "complaints.file";
    private const string ListOperation = "complaints.list";

    [Authorize(Roles = Filers)]
    public override async Task<ProtoComplaint> FileComplaint(FileComplaintRequest request, ServerCallContext context)
    {
        validator.Validate(request).ThrowIfAny();
        var caller = Caller.From(context);
        caller.EnsureBranch(request.BranchCode);
        var ct = context.CancellationToken;

        var idempotent = IdempotentRequest.For(caller, FileOperation, request.IdempotencyKey, request);

        await using var unit = await db.BeginAsync(ct);
        Guid? orderId = string.IsNullOrEmpty(request.OrderId) ? null : Guid.Parse(request.OrderId);
        var order = orderId is { } id ? await OrderFactStore.FindAsync(unit, id) : null;
        if (orderId is not null && order is null)
        {
            new FieldErrors().Add("order_id", "is not a known service order").ThrowIfAny();
        }

        if (order is not null)
        {
            caller.EnsureBranch(order.BranchCode);
        }

        // A repeat is answered only once the caller has passed the same checks as the first request.
        if (await unit.ReplayAsync<ProtoComplaint>(idempotent) is { } earlier)
        {
            return earlier;
        }

        // A complaint names an engineer only when they served its order or its unit: never a stranger to both.
        var engineerId = Optional(request.EngineerId);
        var serial = Optional(request.SerialNumber) ?? order?.SerialNumber;
        if (engineerId is not null && !await OrderFactStore.EngineerServedAsync(unit, engineerId, order?.OrderId, serial))
        {
            new FieldErrors().Add("engineer_id", "never served this order or unit").ThrowIfAny();
        }

        var complaintId = Guid.NewGuid();
        var at = unit.Now;
        var filing = new NewComplaint(
            complaintId,
            commands.NumberFor(complaintId, request.BranchCode, at),
            request.BranchCode,
            request.Category.ByName<Domain.ComplaintCategory>(),
            Domain.ComplaintSource.Agent,
            new ComplaintSubject(
                request.CustomerName,
                request.CustomerPhone,
                orderId,
                Optional(request.OrderNumber) ?? order?.OrderNumber,
                serial,
                engineerId),
            request.Description,
            caller.UserId,
            at,
            []);
        var response = (await commands.FileAsync(unit, filing, ct)).ToProto(withHistory: true);
        await unit.RememberAsync(idempotent, response);
        await unit.CommitAsync();
        return response;
    }

    [Authorize(Roles = Handlers)]
    public override Task<ProtoComplaint> Acknowledge(AcknowledgeRequest request, ServerCallContext context)
    {
        ComplaintRequestValidator.Validate(request).ThrowIfAny();
        return ChangeAsync(request.ComplaintId, context, (c, by, at) => commands.Lifecycle.Acknowledge(c, by, at));
    }

    [Authorize(Roles = Handlers)]
    public override Task<ProtoComplaint> StartInvestigation(StartInvestigationRequest request, ServerCallContext context)
    {
        ComplaintRequestValidator.Validate(request).ThrowIfAny();
        return ChangeAsync(request.ComplaintId, context, (c, by, at) => commands.Lifecycle.StartInvestigation(c, by, at));
    }

    [Authorize(Roles = Handlers)]
    public override Task<ProtoComplaint> Resolve(ResolveRequest request, ServerCallContext context)
    {
        validator.Validate(request).ThrowIfAny();
        var compensation = ProtoMapping.ToYuan(request.CompensationFen);
        return ChangeAsync(request.ComplaintId, context, (c, by, at) => commands.Lifecycle.Resolve(c, request.Resolution, compensation, by, at));
    }

    [Authorize(Roles = Handlers)]
    public override Task<ProtoComplaint> Close(CloseRequest request, ServerCallContext context)
    {
        validator.Validate(request).ThrowIfAny();
        return ChangeAsync(request.ComplaintId, context, (c, by, at) => commands.Lifecycle.Close(c, request.SatisfactionScore, by, at));
    }

    [Authorize(Roles = Handlers)]
    public override Task<ProtoComplaint> Reopen(ReopenRequest request, ServerCallContext context)
    {
        ComplaintRequestValidator.Validate(request).ThrowIfAny();
        return ChangeAsync(request.ComplaintId, context, (c, by, at) => commands.Lifecycle.Reopen(c, request.Reason, by, at));
    }

    [Authorize(Roles = Handlers)]
    public override Task<ProtoComplaint> Escalate(EscalateRequest request, ServerCallContext context)
    {
        ComplaintRequestValidator.Validate(request).ThrowIfAny();
        return ChangeAsync(request.ComplaintId, context, (c, by, at) => commands.Escalation.Escalate(c, request.Reason, by, at));
    }

    [Authorize(Roles = Handlers)]
    public override async Task<ProtoComplaint> GetComplaint(GetComplaintRequest request, ServerCallContext context)
    {
        ComplaintRequestValidator.Validate(request).ThrowIfAny();
        await using var connection = await db.OpenAsync(context.CancellationToken);
        var complaint = await ComplaintStore.FindAsync(connection, Guid.Parse(request.ComplaintId), context.CancellationToken)
            ?? throw new NotFoundException("no such complaint");
        Caller.From(context).EnsureBranch(complaint.BranchCode);
        return complaint.ToProto(withHistory: true);
    }

    [Authorize(Roles = Handlers)]
    public override async Task<ListComplaintsResponse> ListComplaints(ListComplaintsRequest request, ServerCallContext context)
    {
        ComplaintRequestValidator.Validate(request).ThrowIfAny();
        var after = PageToken.Decode<ComplaintListPosition>(ListOperation, request.PageToken);
        var branch = Caller.From(context).ScopeBranch(request.BranchCode);
        var size = request.PageSize == 0 ? listing.DefaultPageSize : Math.Min(request.PageSize, listing.MaxPageSize);
        var filter = new ComplaintFilter(
            branch,
            request.Level == Grpc.Complaints.V1.EscalationLevel.Unspecified ? null : request.Level.ByName<Domain.EscalationLevel>(),
            request.Status == Grpc.Complaints.V1.ComplaintStatus.Unspecified ? null : request.Status.ByName<Domain.ComplaintStatus>(),
            request.Category == Grpc.Complaints.V1.ComplaintCategory.Unspecified ? null : request.Category.ByName<Domain.ComplaintCategory>(),
            after,
            size + 1);

        await using var connection = await db.OpenAsync(context.CancellationToken);
        var found = await ComplaintStore.ListAsync(connection, ComplaintsSql.ListComplaints[db.Dialect], filter, context.CancellationToken);
        var (page, next) = PageToken.Page(ListOperation, found, size, c => new ComplaintListPosition(c.FiledAt, c.Id));
        var response = new ListComplaintsResponse { NextPageToken = next };
        response.Complaints.Add(page.Select(c => c.ToProto(withHistory: false)));
        return response;
    }

    [Authorize(Roles = Handlers)]
    public override async Task<Grpc.Complaints.V1.EngineerRecord> GetEngineerRecord(GetEngineerRecordRequest request, ServerCallContext context)
    {
        ComplaintRequestValidator.Validate(request, listing.MaxEngineerCases).ThrowIfAny();
        await using var connection = await db.OpenAsync(context.CancellationToken);
        var caller = Caller.From(context);
        // A branch sees what the engineer did in that branch; only headquarters sees every branch's facts.
        var known = await EngineerFactStore.HistoryAsync(connection, request.EngineerId, context.CancellationToken,
                onlyBranch: caller.IsHeadquarters ? null : caller.Branch)
            ?? throw new NotFoundException("nothing is known of this engineer");
        if (!known.Branches.Any(caller.CanSeeBranch))
        {
            throw new AccessDeniedException("not permitted for this branch");
        }

        return assessment.Assess(known.History).ToProto(request.MaxCases == 0 ? listing.EngineerCasesShown : request.MaxCases);
    }

    /// <summary>A transition by the caller: <c>by</c> is the token's subject, never a name the request gives.</summary>
    private async Task<ProtoComplaint> ChangeAsync(
        string complaintId, ServerCallContext context, Func<DomainComplaint, string, DateTimeOffset, ComplaintTransition> step)
    {
        var caller = Caller.From(context);
        await using var unit = await db.BeginAsync(context.CancellationToken);
        var at = unit.Now;
        try
        {
            DomainComplaint? before = null;
            var changed = await commands.ChangeAsync(
                unit, Guid.Parse(complaintId), c => { caller.EnsureBranch(c.BranchCode); before = c; }, c => step(c, caller.UserId, at), context.CancellationToken);
            // Every complaint transition is audited: who moved it, and its status, level and owner before and after.
            await unit.AuditAsync(caller, "complaint." + context.Method.Split('/')[^1], "complaint", complaintId,
                new { before!.Status, before.Level, before.Owner }, new { changed.Status, changed.Level, changed.Owner });
            await unit.CommitAsync();
            return changed.ToProto(withHistory: true);
        }
        catch (ComplaintTransitionRefused refused)
        {
            throw new RuleViolationException(refused.Message);
        }
    }

    private static string? Optional(string value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
