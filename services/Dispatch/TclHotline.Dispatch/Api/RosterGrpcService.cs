using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using TclHotline.Dispatch.Application;
using TclHotline.Dispatch.Data;
using TclHotline.Dispatch.Domain;
using TclHotline.Dispatch.Domain.Board;
using TclHotline.Dispatch.Domain.Network;
using TclHotline.ServiceDefaults.Grpc;
using TclHotline.ServiceDefaults.Security;
using TclHotline.ServiceDefaults.Validation;
using Proto = TclHotline.Grpc.Dispatch.V1;

namespace TclHotline.Dispatch.Api;

/// <summary>The network: outlets and engineers, each change checked against the whole network.</summary>
public sealed class RosterGrpcService(
    DispatchDatabase db, NetworkStore networks, DispatchContext context, RosterCommands roster, BoardReader board, TimeProvider time,
    DispatchOptions options)
    : Proto.RosterService.RosterServiceBase
{
    private const string Desk = HotlineRoles.Dispatcher + "," + HotlineRoles.ServiceDirector + "," + HotlineRoles.Administrator;
    private const string ListEngineersOperation = "dispatch.engineers.list";

    [Authorize(Roles = Desk + "," + HotlineRoles.Agent)]
    public override async Task<Proto.Network> GetNetwork(Proto.GetNetworkRequest request, ServerCallContext call)
    {
        var branch = Caller.From(call).ScopeBranch(request.BranchCode);
        var network = await LoadAsync(call.CancellationToken);
        var response = new Proto.Network();
        response.Branches.AddRange(network.Branches.Where(b => branch is null || b.Code == branch).OrderBy(b => b.Code).Select(ProtoMapping.ToProto));
        response.Outlets.AddRange(network.Outlets.Where(o => branch is null || o.BranchCode == branch).OrderBy(o => o.Id).Select(ProtoMapping.ToProto));
        response.Engineers.AddRange(network.Engineers.Where(e => branch is null || network.BranchOf(e).Code == branch)
            .OrderBy(e => e.Id).Select(e => ProtoMapping.ToProto(e, network.BranchOf(e).Code)));
        return response;
    }

    [Authorize(Roles = Desk)]
    public override async Task<Proto.Outlet> CreateOutlet(Proto.CreateOutletRequest request, ServerCallContext call)
    {
        var errors = new FieldErrors();
        errors.Required("outlet.branch_code", request.Outlet?.BranchCode);
        var outlet = RosterMapping.ToDomain(request.Outlet, errors, request.Outlet?.BranchCode ?? "");
        errors.ThrowIfAny();
        Caller.From(call).EnsureBranch(outlet.BranchCode);
        var idempotent = IdempotentRequest.For(call, "CreateOutlet", request.IdempotencyKey, request);
        await using var unit = await db.BeginAsync(call.CancellationToken);
        if (await unit.ReplayAsync<Proto.Outlet>(idempotent) is { } earlier)
        {
            return earlier;
        }

        await roster.SaveOutletAsync(unit, outlet, isNew: true);
        await unit.AuditAsync(Caller.From(call), "roster.create-outlet", "outlet", outlet.Id, null, outlet);
        var response = ProtoMapping.ToProto(outlet);
        await unit.RememberAsync(idempotent, response);
        await unit.CommitAsync();
        return response;
    }

    [Authorize(Roles = Desk)]
    public override async Task<Proto.Outlet> UpdateOutlet(Proto.UpdateOutletRequest request, ServerCallContext call)
    {
        var existing = (await LoadAsync(call.CancellationToken)).Outlet(request.Outlet?.OutletId ?? "")
            ?? throw new NotFoundException($"outlet {request.Outlet?.OutletId} is unknown");
        Caller.From(call).EnsureBranch(existing.BranchCode);
        var errors = new FieldErrors();
        var outlet = RosterMapping.ToDomain(request.Outlet, errors, existing.BranchCode);
        errors.ThrowIfAny();
        await using var unit = await db.BeginAsync(call.CancellationToken);
        await roster.SaveOutletAsync(unit, outlet, isNew: false);
        await unit.AuditAsync(Caller.From(call), "roster.update-outlet", "outlet", outlet.Id, existing, outlet);
        await unit.CommitAsync();
        return ProtoMapping.ToProto(outlet);
    }

    [Authorize(Roles = Desk)]
    public override Task<Proto.Engineer> CreateEngineer(Proto.CreateEngineerRequest request, ServerCallContext call) =>
        SaveEngineerAsync(request.Engineer, isNew: true, call, IdempotentRequest.For(call, "CreateEngineer", request.IdempotencyKey, request));

    [Authorize(Roles = Desk)]
    public override Task<Proto.Engineer> UpdateEngineer(Proto.UpdateEngineerRequest request, ServerCallContext call) =>
        SaveEngineerAsync(request.Engineer, isNew: false, call);

    [Authorize(Roles = Desk)]
    public override async Task<Proto.DeactivateEngineerResponse> DeactivateEngineer(Proto.DeactivateEngineerRequest request, ServerCallContext call)
    {
        var errors = new FieldErrors();
        errors.Required("engineer_id", request.EngineerId);
        errors.ThrowIfAny();
        await using var unit = await db.BeginAsync(call.CancellationToken);
        var network = await context.NetworkAsync(unit);
        var engineer = network.Engineer(request.EngineerId) ?? throw new NotFoundException($"engineer {request.EngineerId} is unknown");
        Caller.From(call).EnsureBranch(network.BranchOf(engineer).Code);
        if (!engineer.Active)
        {
            throw new RuleViolationException($"engineer {engineer.Id} is already inactive");
        }

        var replanned = await roster.DeactivateAsync(unit, engineer);
        var response = new Proto.DeactivateEngineerResponse
        {
            Engineer = ProtoMapping.ToProto(engineer with { Active = false }, network.BranchOf(engineer).Code),
        };
        foreach (var orderId in replanned)
        {
            var record = await context.RequireAsync(unit, orderId);
            response.Replanned.Add(ProtoMapping.ToProto(record, board.StateOf(record, time.GetUtcNow())));
        }

        await unit.AuditAsync(Caller.From(call), "roster.deactivate-engineer", "engineer", engineer.Id,
            new { engineer.Active }, new { Active = false, Replanned = replanned });
        await unit.CommitAsync();
        return response;
    }

    [Authorize(Roles = Desk)]
    public override async Task<Proto.ListEngineersResponse> ListEngineers(Proto.ListEngineersRequest request, ServerCallContext call)
    {
        var errors = new FieldErrors();
        if (request.PageSize < 0) errors.Add("page_size", "must not be negative");
        var after = PageToken.Decode<EngineerListPosition>(ListEngineersOperation, request.PageToken, errors);
        errors.ThrowIfAny();
        var branch = Caller.From(call).ScopeBranch(request.BranchCode);
        var network = await LoadAsync(call.CancellationToken);
        var skill = request.Skill.ByNameOrNull<Skill>();
        var size = request.PageSize == 0 ? options.EngineerPageSize : Math.Min(request.PageSize, options.MaxEngineerPageSize);
        var matching = network.Engineers
            .Where(e => branch is null || network.BranchOf(e).Code == branch)
            .Where(e => string.IsNullOrEmpty(request.OutletId) || e.OutletId == request.OutletId)
            .Where(e => skill is null || e.Skills.Contains(skill.Value))
            .Where(e => request.IncludeInactive || e.Active)
            .OrderBy(e => e.Id, StringComparer.Ordinal)
            .Where(e => after is null || string.CompareOrdinal(e.Id, after.Id) > 0)
            .Take(size + 1)
            .ToList();
        var (page, next) = PageToken.Page(ListEngineersOperation, matching, size, e => new EngineerListPosition(e.Id));
        var response = new Proto.ListEngineersResponse { NextPageToken = next };
        response.Engineers.AddRange(page.Select(e => ProtoMapping.ToProto(e, network.BranchOf(e).Code)));
        return response;
    }

    /// <summary>Where an engineer sorts in the list, by id: the page token's key.</summary>
    private sealed record EngineerListPosition(string Id);

    private async Task<Proto.Engineer> SaveEngineerAsync(Proto.Engineer? request, bool isNew, ServerCallContext call, IdempotentRequest? idempotent = null)
    {
        var network = await LoadAsync(call.CancellationToken);
        var existing = network.Engineer(request?.EngineerId ?? "");
        var errors = new FieldErrors();
        // New engineers start active; an update never changes that (DeactivateEngineer does).
        var engineer = RosterMapping.ToDomain(request, errors, active: existing?.Active ?? true);
        errors.ThrowIfAny();
        var caller = Caller.From(call);
        if (existing is not null)
        {
            caller.EnsureBranch(network.BranchOf(existing).Code);
        }

        var outlet = network.Outlet(engineer.OutletId);
        if (outlet is not null)
        {
            caller.EnsureBranch(outlet.BranchCode);
        }

        await using var unit = await db.BeginAsync(call.CancellationToken);
        if (await unit.ReplayAsync<Proto.Engineer>(idempotent) is { } earlier)
        {
            return earlier;
        }

        var changed = await roster.SaveEngineerAsync(unit, engineer, isNew);
        await unit.AuditAsync(caller, isNew ? "roster.create-engineer" : "roster.update-engineer", "engineer", engineer.Id, existing, engineer);
        var response = ProtoMapping.ToProto(engineer, changed.BranchOf(engineer).Code);
        await unit.RememberAsync(idempotent, response);
        await unit.CommitAsync();
        return response;
    }

    private async Task<ServiceNetwork> LoadAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await networks.LoadAsync(connection, null, ct);
    }
}
