using Grpc.Core;
using TclHotline.Complaints.Consumers;
using TclHotline.Complaints.Tests.Support;
using TclHotline.Grpc.Complaints.V1;
using TclHotline.Messages;
using TclHotline.Messages.Complaints;
using TclHotline.Messages.Sla;
using TclHotline.ServiceDefaults.Security;
using TclHotline.Testing;

namespace TclHotline.Complaints.Tests.Functional;

/// <summary>The complaint desk over gRPC: the lifecycle (rule 20), escalation on missed deadlines, bad input and scope.</summary>
public sealed class ComplaintDeskOverGrpcTests(ComplaintsHost service) : IClassFixture<ComplaintsHost>
{
    [Fact]
    public async Task Rule20_an_agent_files_and_a_handler_takes_the_complaint_through_its_whole_lifecycle()
    {
        var filed = await service.DeskAs(HotlineRoles.Agent, ComplaintsHost.Shenzhen).FileComplaintAsync(Filing());
        Assert.Equal(ComplaintStatus.Filed, filed.Status);
        Assert.Equal(EscalationLevel.BranchServiceDirector, filed.Level);
        Assert.Equal(Desk.Director, filed.Owner);
        Assert.Equal(2, filed.PendingDeadlines.Count);

        var desk = service.Handler();
        var id = filed.ComplaintId;
        var acknowledged = await desk.AcknowledgeAsync(new AcknowledgeRequest { ComplaintId = id, AgentId = "handler-1" });
        Assert.Equal(ComplaintStatus.Acknowledged, acknowledged.Status);
        Assert.NotNull(acknowledged.AcknowledgedAt);
        Assert.Equal([DeadlineKind.Resolve], acknowledged.PendingDeadlines.Select(d => d.Kind));

        var investigating = await desk.StartInvestigationAsync(new StartInvestigationRequest { ComplaintId = id, AgentId = "handler-1" });
        Assert.Equal(ComplaintStatus.Investigating, investigating.Status);

        var resolved = await desk.ResolveAsync(new ResolveRequest
        {
            ComplaintId = id, Resolution = "Fee refunded", CompensationFen = 30000, AgentId = "handler-1",
        });
        Assert.Equal(ComplaintStatus.Resolved, resolved.Status);
        Assert.Equal(30000, resolved.Resolution.CompensationFen);
        Assert.Empty(resolved.PendingDeadlines);

        var closed = await desk.CloseAsync(new CloseRequest { ComplaintId = id, SatisfactionScore = 5, AgentId = "handler-1" });
        Assert.Equal(ComplaintStatus.Closed, closed.Status);
        Assert.Equal(5, closed.SatisfactionScore);

        var stored = await desk.GetComplaintAsync(new GetComplaintRequest { ComplaintId = id });
        Assert.Equal(ComplaintStatus.Closed, stored.Status);
        Assert.Equal("Fee refunded", stored.Resolution.Text);
        Assert.Equal(30000, stored.Resolution.CompensationFen);
        Assert.Equal(5, stored.SatisfactionScore);
        var changes = await service.PublishedAsync<ComplaintStatusChanged>(id);
        Assert.Equal(["Acknowledged", "Investigating", "Resolved", "Closed"], changes.Select(c => c.ToStatus));
        Assert.Single(await service.PublishedAsync<DeadlineMet>(id), m => m.Kind == DeadlineKinds.Acknowledge);
        Assert.Single(await service.PublishedAsync<DeadlineMet>(id), m => m.Kind == DeadlineKinds.Resolve);
    }

    [Fact]
    public async Task Rule20_a_transition_the_status_does_not_allow_is_refused_with_failed_precondition_and_changes_nothing()
    {
        var desk = service.Handler();
        var filed = await desk.FileComplaintAsync(Filing());
        var id = filed.ComplaintId;

        var early = await Assert.ThrowsAsync<RpcException>(() =>
            desk.CloseAsync(new CloseRequest { ComplaintId = id, SatisfactionScore = 4, AgentId = "handler-1" }).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, early.StatusCode);
        var skipped = await Assert.ThrowsAsync<RpcException>(() =>
            desk.ResolveAsync(new ResolveRequest { ComplaintId = id, Resolution = "done", AgentId = "handler-1" }).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, skipped.StatusCode);

        await desk.AcknowledgeAsync(new AcknowledgeRequest { ComplaintId = id, AgentId = "handler-1" });
        var twice = await Assert.ThrowsAsync<RpcException>(() =>
            desk.AcknowledgeAsync(new AcknowledgeRequest { ComplaintId = id, AgentId = "handler-1" }).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, twice.StatusCode);

        var stored = await desk.GetComplaintAsync(new GetComplaintRequest { ComplaintId = id });
        Assert.Equal(ComplaintStatus.Acknowledged, stored.Status);
        Assert.Single(await service.PublishedAsync<ComplaintStatusChanged>(id));
    }

    [Fact]
    public async Task Rule20_a_reopened_complaint_goes_back_to_investigating_with_a_fresh_resolve_deadline()
    {
        var desk = service.Handler();
        var id = (await desk.FileComplaintAsync(Filing())).ComplaintId;
        await desk.AcknowledgeAsync(new AcknowledgeRequest { ComplaintId = id, AgentId = "h" });
        await desk.StartInvestigationAsync(new StartInvestigationRequest { ComplaintId = id, AgentId = "h" });
        await desk.ResolveAsync(new ResolveRequest { ComplaintId = id, Resolution = "Replaced the board", AgentId = "h" });

        var reopened = await desk.ReopenAsync(new ReopenRequest { ComplaintId = id, Reason = "Picture still flickers", AgentId = "h" });

        Assert.Equal(ComplaintStatus.Investigating, reopened.Status);
        Assert.Equal([DeadlineKind.Resolve], reopened.PendingDeadlines.Select(d => d.Kind));
        Assert.Equal("Picture still flickers", Assert.Single(reopened.Reopenings).Reason);
    }

    [Fact]
    public async Task The_same_idempotency_key_files_once_and_returns_the_first_complaint()
    {
        var request = Filing();
        var desk = service.Handler();

        var first = await desk.FileComplaintAsync(request);
        var again = await desk.FileComplaintAsync(request);

        Assert.Equal(first.ComplaintId, again.ComplaintId);
        Assert.Single(await service.PublishedAsync<ComplaintFiled>(first.ComplaintId));
    }

    [Fact]
    public async Task Rule20_an_unacknowledged_complaint_climbs_a_level_each_time_its_acknowledge_deadline_passes()
    {
        var desk = service.Handler();
        var id = (await desk.FileComplaintAsync(Filing())).ComplaintId;

        await BreachLatestAcknowledgeAsync(id);
        var regional = await Eventually.Until(
            () => desk.GetComplaintAsync(new GetComplaintRequest { ComplaintId = id }).ResponseAsync,
            c => c.Level == EscalationLevel.RegionalServiceManager,
            what: "the complaint to reach level 2");
        Assert.Equal(Desk.RegionalManager, regional.Owner);
        var step = Assert.Single(regional.Escalations);
        Assert.Equal(EscalationTrigger.AcknowledgeMissed, step.Trigger);
        Assert.Single(regional.MissedDeadlines);
        Assert.Contains(regional.PendingDeadlines, d => d.Kind == DeadlineKind.Acknowledge);

        await BreachLatestAcknowledgeAsync(id);
        var headquarters = await Eventually.Until(
            () => desk.GetComplaintAsync(new GetComplaintRequest { ComplaintId = id }).ResponseAsync,
            c => c.Level == EscalationLevel.HeadquartersCustomerService,
            what: "the complaint to reach level 3");
        Assert.Equal(Desk.Headquarters, headquarters.Owner);
        Assert.Equal(2, headquarters.Escalations.Count);
        Assert.Equal([2, 3], (await service.PublishedAsync<ComplaintEscalated>(id)).Select(e => e.ToLevel));
    }

    [Fact]
    public async Task Rule20_a_stale_breach_of_a_met_acknowledge_deadline_escalates_nothing()
    {
        var desk = service.Handler();
        var id = (await desk.FileComplaintAsync(Filing())).ComplaintId;
        await desk.AcknowledgeAsync(new AcknowledgeRequest { ComplaintId = id, AgentId = "h" });
        var seen = await service.HandledAsync(nameof(DeadlineBreachedConsumer));

        await BreachLatestAcknowledgeAsync(id);
        await service.WaitHandledAsync(nameof(DeadlineBreachedConsumer), seen + 1);

        var stored = await desk.GetComplaintAsync(new GetComplaintRequest { ComplaintId = id });
        Assert.Equal(EscalationLevel.BranchServiceDirector, stored.Level);
        Assert.Empty(stored.Escalations);
    }

    [Fact]
    public async Task Rule20_a_handler_escalates_by_hand_one_level_up()
    {
        var desk = service.Handler();
        var id = (await desk.FileComplaintAsync(Filing())).ComplaintId;

        var escalated = await desk.EscalateAsync(new EscalateRequest { ComplaintId = id, Reason = "Customer threatens 12315", AgentId = "h" });

        Assert.Equal(EscalationLevel.RegionalServiceManager, escalated.Level);
        Assert.Equal(EscalationTrigger.Manual, Assert.Single(escalated.Escalations).Trigger);
        // The director's acknowledge deadline gives way to a fresh one for the regional manager.
        var cancelled = Assert.Single(await service.PublishedAsync<DeadlineCancelled>(id));
        Assert.Equal((DeadlineOwners.Complaints, DeadlineKinds.Acknowledge), (cancelled.Owner, cancelled.Kind));
        var acknowledgeSets = (await service.PublishedAsync<DeadlineSet>(id)).Where(d => d.Kind == DeadlineKinds.Acknowledge).ToList();
        Assert.Equal(2, acknowledgeSets.Count);
        Assert.Equal(cancelled.SubjectId, acknowledgeSets[0].SubjectId);
        Assert.NotEqual(cancelled.SubjectId, acknowledgeSets[1].SubjectId);
    }

    [Theory]
    [InlineData("category")]
    [InlineData("description")]
    [InlineData("order_id")]
    public async Task Bad_filing_is_invalid_argument_naming_the_field_and_stores_nothing(string field)
    {
        const string branch = "BAD-1";
        var request = Filing(branch);
        switch (field)
        {
            case "category": request.Category = ComplaintCategory.Unspecified; break;
            case "description": request.Description = "  "; break;
            case "order_id": request.OrderId = Guid.NewGuid().ToString("D"); break;
        }

        var refused = await Assert.ThrowsAsync<RpcException>(() => service.Handler(branch).FileComplaintAsync(request).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Contains(field, refused.Status.Detail);
        Assert.Equal(field, refused.Trailers.GetValue("invalid-fields"));
        var listed = await service.DeskAs(HotlineRoles.Administrator).ListComplaintsAsync(new ListComplaintsRequest { BranchCode = branch });
        Assert.Empty(listed.Complaints);
    }

    [Fact]
    public async Task A_score_outside_one_to_five_is_invalid_argument_naming_the_field_and_the_complaint_stays_resolved()
    {
        var desk = service.Handler();
        var id = (await desk.FileComplaintAsync(Filing())).ComplaintId;
        await desk.AcknowledgeAsync(new AcknowledgeRequest { ComplaintId = id, AgentId = "h" });
        await desk.StartInvestigationAsync(new StartInvestigationRequest { ComplaintId = id, AgentId = "h" });
        await desk.ResolveAsync(new ResolveRequest { ComplaintId = id, Resolution = "Fee refunded", AgentId = "h" });

        var refused = await Assert.ThrowsAsync<RpcException>(() =>
            desk.CloseAsync(new CloseRequest { ComplaintId = id, SatisfactionScore = 6, AgentId = "h" }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Equal("satisfaction_score", refused.Trailers.GetValue("invalid-fields"));
        var stored = await desk.GetComplaintAsync(new GetComplaintRequest { ComplaintId = id });
        Assert.Equal(ComplaintStatus.Resolved, stored.Status);
        Assert.Equal(0, stored.SatisfactionScore);
    }

    [Fact]
    public async Task A_caller_of_another_branch_is_permission_denied()
    {
        var filed = await service.Handler().FileComplaintAsync(Filing());
        var beijing = service.Handler(ComplaintsHost.Beijing);

        var read = await Assert.ThrowsAsync<RpcException>(() =>
            beijing.GetComplaintAsync(new GetComplaintRequest { ComplaintId = filed.ComplaintId }).ResponseAsync);
        var act = await Assert.ThrowsAsync<RpcException>(() =>
            beijing.AcknowledgeAsync(new AcknowledgeRequest { ComplaintId = filed.ComplaintId, AgentId = "h" }).ResponseAsync);
        var file = await Assert.ThrowsAsync<RpcException>(() =>
            service.DeskAs(HotlineRoles.Agent, ComplaintsHost.Beijing).FileComplaintAsync(Filing()).ResponseAsync);
        var list = await Assert.ThrowsAsync<RpcException>(() =>
            beijing.ListComplaintsAsync(new ListComplaintsRequest { BranchCode = ComplaintsHost.Shenzhen }).ResponseAsync);

        Assert.All([read, act, file, list], e => Assert.Equal(StatusCode.PermissionDenied, e.StatusCode));
        var stored = await service.Handler().GetComplaintAsync(new GetComplaintRequest { ComplaintId = filed.ComplaintId });
        Assert.Equal(ComplaintStatus.Filed, stored.Status);
    }

    [Fact]
    public async Task An_agent_may_file_but_not_work_a_complaint()
    {
        var agent = service.DeskAs(HotlineRoles.Agent, ComplaintsHost.Shenzhen);
        var filed = await agent.FileComplaintAsync(Filing());

        var refused = await Assert.ThrowsAsync<RpcException>(() =>
            agent.AcknowledgeAsync(new AcknowledgeRequest { ComplaintId = filed.ComplaintId, AgentId = "a" }).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
    }

    [Fact]
    public async Task A_branch_handler_lists_only_their_branch_page_by_page_newest_first()
    {
        const string branch = ComplaintsHost.Beijing;
        var desk = service.Handler(branch);
        var filed = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            filed.Add((await desk.FileComplaintAsync(Filing(branch))).ComplaintId);
            await Task.Delay(5);
        }

        var first = await desk.ListComplaintsAsync(new ListComplaintsRequest { PageSize = 2 });
        var second = await desk.ListComplaintsAsync(new ListComplaintsRequest { PageSize = 2, PageToken = first.NextPageToken });

        Assert.NotEmpty(first.NextPageToken);
        Assert.Empty(second.NextPageToken);
        var listed = first.Complaints.Concat(second.Complaints).ToList();
        Assert.All(listed, c => Assert.Equal(branch, c.BranchCode));
        Assert.Equal(filed.AsEnumerable().Reverse(), listed.Select(c => c.ComplaintId));

        await desk.AcknowledgeAsync(new AcknowledgeRequest { ComplaintId = filed[1], AgentId = "h" });
        await desk.EscalateAsync(new EscalateRequest { ComplaintId = filed[2], Reason = "Media enquiry", AgentId = "h" });
        async Task<IEnumerable<string>> Listed(ListComplaintsRequest request) =>
            (await desk.ListComplaintsAsync(request)).Complaints.Select(c => c.ComplaintId);
        Assert.Equal([filed[1]], await Listed(new ListComplaintsRequest { Status = ComplaintStatus.Acknowledged }));
        Assert.Equal([filed[2]], await Listed(new ListComplaintsRequest { Level = EscalationLevel.RegionalServiceManager }));
        Assert.Equal(3, (await Listed(new ListComplaintsRequest { Category = ComplaintCategory.FeeDispute })).Count());
        Assert.Empty(await Listed(new ListComplaintsRequest { Category = ComplaintCategory.ProductQuality }));
    }

    private async Task BreachLatestAcknowledgeAsync(string complaintId)
    {
        var set = (await service.PublishedAsync<DeadlineSet>(complaintId)).Last(d => d.Kind == DeadlineKinds.Acknowledge);
        await service.PublishAsync(new DeadlineBreached(
            Guid.NewGuid(), DeadlineOwners.Complaints, set.SubjectId, set.Kind, set.BranchCode, set.DueAt, set.DueAt, TimeSpan.Zero));
    }

    internal static FileComplaintRequest Filing(string branch = ComplaintsHost.Shenzhen) => new()
    {
        CustomerName = "Li Wei",
        CustomerPhone = "13800138000",
        BranchCode = branch,
        SerialNumber = "TCL55C8K0001",
        Category = ComplaintCategory.FeeDispute,
        Description = "Charged 300 yuan for a repair within warranty",
        IdempotencyKey = Guid.NewGuid().ToString("N"),
        AgentId = Desk.Agent,
    };
}
