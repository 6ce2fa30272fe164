using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using TclHotline.Grpc.Sla.V1;
using TclHotline.ServiceDefaults.Feeds;
using TclHotline.ServiceDefaults.Grpc;
using TclHotline.ServiceDefaults.Security;
using TclHotline.ServiceDefaults.Validation;
using TclHotline.Sla.Application;
using TclHotline.Sla.Data;
using TclHotline.Sla.Domain;

namespace TclHotline.Sla.Api;

/// <summary>Dispatch monitoring of the SLA timer: at-risk list, one deadline, live warnings and breaches. Thin: check, read, map.</summary>
internal sealed class SlaTimerGrpcService(DeadlineStore store, LiveFeed<SlaNotice> notices, IOptions<SlaOptions> options)
    : SlaTimer.SlaTimerBase
{
    private const string Monitors =
        HotlineRoles.Dispatcher + "," + HotlineRoles.ServiceDirector + "," + HotlineRoles.ComplaintHandler + "," + HotlineRoles.Administrator;

    [Authorize(Roles = Monitors)]
    public override async Task<ListAtRiskResponse> ListAtRisk(ListAtRiskRequest request, ServerCallContext context)
    {
        var (query, problems) = AtRiskQuery.From(request.BranchCode, request.Kinds, request.PageSize, request.PageToken, options.Value);
        problems.ThrowIfAny();
        var branch = Caller.From(context).ScopeBranch(query!.Filter.BranchCode);
        var scoped = query with { Filter = query.Filter with { BranchCode = branch } };

        // One extra row says whether another page follows.
        var rows = await store.ListAtRiskAsync(scoped, scoped.PageSize + 1, context.CancellationToken);
        var page = rows.Take(scoped.PageSize).ToList();
        var response = new ListAtRiskResponse
        {
            NextPageToken = rows.Count > scoped.PageSize ? AtRiskPosition.Of(page[^1]).ToPageToken() : "",
        };
        response.Deadlines.AddRange(page.Select(d => d.ToAtRisk()));
        return response;
    }

    [Authorize(Roles = Monitors)]
    public override async Task<TclHotline.Grpc.Sla.V1.Deadline> GetDeadline(GetDeadlineRequest request, ServerCallContext context)
    {
        var errors = new FieldErrors();
        errors.Required("owner", request.Owner);
        errors.Required("subject_id", request.SubjectId);
        errors.Required("kind", request.Kind);
        errors.ThrowIfAny();

        var deadline = await store.FindAsync(new DeadlineKey(request.Owner, request.SubjectId, request.Kind), context.CancellationToken)
            ?? throw new NotFoundException("no such deadline");
        var caller = Caller.From(context);
        if (deadline.BranchCode is { } branch)
        {
            caller.EnsureBranch(branch);
        }
        else if (!caller.IsHeadquarters)
        {
            throw new AccessDeniedException("not permitted for this branch"); // branch not known yet: headquarters only
        }

        return deadline.ToProto();
    }

    [Authorize(Roles = Monitors)]
    public override async Task WatchSlaEvents(WatchSlaEventsRequest request, IServerStreamWriter<SlaEvent> responseStream, ServerCallContext context)
    {
        var errors = new FieldErrors();
        if (request.Kinds.Any(string.IsNullOrWhiteSpace))
        {
            errors.Add("kinds", "must not contain an empty kind");
        }

        errors.ThrowIfAny();
        var filter = DeadlineFilter.From(Caller.From(context).ScopeBranch(request.BranchCode), request.Kinds);
        using var subscription = notices.Subscribe(filter.BranchCode, options.Value.WatchBufferSize, n => filter.Matches(n.BranchCode, n.Kind));

        // Headers go out once subscribed: a client that awaits them knows nothing from then on is missed.
        await context.WriteResponseHeadersAsync([]);
        await foreach (var notice in subscription.Items.ReadAllAsync(context.CancellationToken))
        {
            await responseStream.WriteAsync(notice.ToProto(), context.CancellationToken);
        }
    }
}
