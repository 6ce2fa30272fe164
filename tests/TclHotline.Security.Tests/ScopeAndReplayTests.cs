using Grpc.Core;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using TclHotline.Grpc.Audit.V1;
using TclHotline.Grpc.Complaints.V1;
using TclHotline.Grpc.Dispatch.V1;
using TclHotline.Grpc.Intake.V1;
using TclHotline.Messages.Dispatch;
using TclHotline.ServiceDefaults.Security;
using TclHotline.Testing;
using Xunit;
using ComplaintCategory = TclHotline.Grpc.Complaints.V1.ComplaintCategory;

namespace TclHotline.Security.Tests;

/// <summary>
/// Idempotency keys answer only their caller and their request, after the access checks; "who did it" is the
/// token's subject; complaints name only engineers who served the order; branch scope of engineer records and
/// of visit reports by tokens holding several roles. A host of its own (the flow's orders, changed freely here).
/// </summary>
public sealed class ScopeAndReplayTests(HotlineFlow flow) : IClassFixture<HotlineFlow>
{
    private const string Wuhan = "WH";

    private IntakeService.IntakeServiceClient IntakeAs(string subject, string role = HotlineRoles.Agent, string branch = HotlineClaims.AllBranches) =>
        new(flow.Host.Channel(DevelopmentTokens.Mint(TestTokens.SigningKey, subject, [role], branch)));

    private ComplaintDesk.ComplaintDeskClient ComplaintsAs(string subject, string role, string branch) =>
        new(flow.Host.Channel(DevelopmentTokens.Mint(TestTokens.SigningKey, subject, [role], branch)));

    private static async Task<RpcException> RefusedWith(StatusCode code, Func<Task> call, string? naming = null)
    {
        var refusal = await Assert.ThrowsAsync<RpcException>(call);
        Assert.Equal(code, refusal.StatusCode);
        if (naming is not null) Assert.Contains(naming, refusal.Status.Detail);
        return refusal;
    }

    [Fact]
    public async Task RegisterCall_same_key_with_another_body_is_refused_naming_the_key_and_opens_nothing()
    {
        var intake = IntakeAs("agent-idem");
        var first = HotlineFlow.Call("13700001111", "张三");
        var opened = await intake.RegisterCallAsync(first);

        // The very same request again: the first reply.
        var again = await intake.RegisterCallAsync(first);
        Assert.Equal(opened.Order.OrderId, again.Order.OrderId);
        Assert.Equal(opened.CallRecordId, again.CallRecordId);

        // The same key for another customer's call: refused, not answered with the first customer's order.
        var other = HotlineFlow.Call("13700002222", "李四");
        other.IdempotencyKey = first.IdempotencyKey;
        var refusal = await RefusedWith(StatusCode.AlreadyExists, () => intake.RegisterCallAsync(other).ResponseAsync, "idempotency_key");
        Assert.DoesNotContain(opened.Order.OrderNumber, refusal.Status.Detail);
        var lookup = await intake.LookupCallerAsync(new LookupCallerRequest { CallerNumber = "13700002222" });
        Assert.False(lookup.Found);
    }

    [Fact]
    public async Task RegisterCall_same_key_from_another_caller_is_refused_not_answered_with_the_first_callers_reply()
    {
        // Agents register calls for every branch, so another branch's agent is simply another caller.
        var first = HotlineFlow.Call("13700003333", "王五");
        await IntakeAs("agent-one").RegisterCallAsync(first);
        await RefusedWith(StatusCode.AlreadyExists, () => IntakeAs("agent-two").RegisterCallAsync(first).ResponseAsync, "idempotency_key");
        await RefusedWith(StatusCode.AlreadyExists, () => IntakeAs("agent-wuhan", branch: Wuhan).RegisterCallAsync(first).ResponseAsync, "idempotency_key");
    }

    [Fact]
    public async Task RegisterCall_agent_is_the_tokens_subject_and_the_call_is_audited()
    {
        var call = HotlineFlow.Call("13700004444", "赵六");
        call.AgentId = "someone-else";
        var reply = await IntakeAs("agent-real").RegisterCallAsync(call);
        Assert.Equal("agent-real", reply.Order.AgentId);
        var stored = await flow.Intake(HotlineRoles.Agent).GetServiceOrderAsync(new GetServiceOrderRequest { OrderNumber = reply.Order.OrderNumber });
        Assert.Equal("agent-real", stored.AgentId);

        var entries = (await flow.Audit().ListAuditEntriesAsync(new ListAuditEntriesRequest
        { Action = "intake.register-call", SubjectId = reply.CallRecordId })).Entries;
        var entry = Assert.Single(entries);
        Assert.Equal("agent-real", entry.Actor);
        Assert.Contains(reply.Order.OrderNumber, entry.AfterJson);
        Assert.DoesNotContain("13700004444", entry.AfterJson);
        Assert.DoesNotContain("赵六", entry.AfterJson);
    }

    [Fact]
    public async Task CancelServiceOrder_cancelled_by_is_the_tokens_subject()
    {
        var reply = await IntakeAs("agent-cancel").RegisterCallAsync(HotlineFlow.Call("13700005555", "钱七"));
        await IntakeAs("agent-cancel").CancelServiceOrderAsync(new CancelServiceOrderRequest
        { OrderNumber = reply.Order.OrderNumber, Reason = "fixed itself", CancelledBy = "impostor" });
        var entry = Assert.Single((await flow.Audit().ListAuditEntriesAsync(new ListAuditEntriesRequest
        { Action = "service-order.cancel", SubjectId = reply.Order.OrderId })).Entries);
        Assert.Equal("agent-cancel", entry.Actor);
        Assert.Contains("agent-cancel", entry.AfterJson);
        Assert.DoesNotContain("impostor", entry.AfterJson);
    }

    [Fact]
    public async Task FileComplaint_filed_by_is_the_tokens_subject_same_key_another_body_is_refused_another_branch_gets_no_replay()
    {
        var desk = ComplaintsAs("agent-complaint", HotlineRoles.Agent, flow.Branch);
        var request = Complaint(flow.Repair, "");
        request.AgentId = "impostor";
        var filed = await desk.FileComplaintAsync(request);
        Assert.Equal("agent-complaint", filed.FiledBy);
        Assert.Equal(filed.ComplaintId, (await desk.FileComplaintAsync(request)).ComplaintId);

        var changed = request.Clone();
        changed.Description = "Something else entirely.";
        await RefusedWith(StatusCode.AlreadyExists, () => desk.FileComplaintAsync(changed).ResponseAsync, "idempotency_key");
        await RefusedWith(StatusCode.AlreadyExists,
            () => ComplaintsAs("agent-other", HotlineRoles.Agent, flow.Branch).FileComplaintAsync(request).ResponseAsync, "idempotency_key");
        // The same subject, request and key from another branch's token: the branch is checked before any replay.
        await Refused.PermissionDenied(() => ComplaintsAs("agent-complaint", HotlineRoles.Agent, Wuhan).FileComplaintAsync(request).ResponseAsync);
    }

    [Fact]
    public async Task FileComplaint_naming_an_engineer_who_never_served_the_order_is_refused()
    {
        var desk = flow.Complaints(HotlineRoles.Agent, flow.Branch);
        await RefusedWith(StatusCode.InvalidArgument, () => desk.FileComplaintAsync(Complaint(flow.Repair, "ENG-NEVER-THERE")).ResponseAsync, "engineer_id");

        // The engineer dispatch assigned did serve it: once complaints has heard of the assignment, it is accepted.
        var dispatch = await flow.Dispatch(HotlineRoles.Dispatcher).GetOrderDispatchAsync(new GetOrderDispatchRequest { OrderId = flow.Repair.OrderId });
        var engineer = dispatch.CurrentVisit?.EngineerId;
        Assert.False(string.IsNullOrEmpty(engineer), "dispatch assigned nobody to the flow's repair");
        Grpc.Complaints.V1.Complaint? filed = null;
        await Eventually.Until(async () =>
        {
            try { filed = await desk.FileComplaintAsync(Complaint(flow.Repair, engineer!)); return true; }
            catch (RpcException e) when (e.StatusCode == StatusCode.InvalidArgument) { return false; }
        }, what: "a complaint against the assigned engineer");
        Assert.Equal(engineer, filed!.EngineerId);
    }

    [Fact]
    public async Task GetEngineerRecord_another_branchs_facts_show_only_to_headquarters()
    {
        var engineer = "ENG-TWO-BRANCHES-" + Guid.NewGuid().ToString("N")[..6];
        var bus = flow.Host.Services.GetRequiredService<IBus>();
        var at = DateTimeOffset.UtcNow.AddHours(-3);
        await bus.Publish(new EngineerArrived(Guid.NewGuid(), Guid.NewGuid(), engineer, flow.Branch, at, at.AddHours(1), OnTime: true));
        await bus.Publish(new EngineerArrived(Guid.NewGuid(), Guid.NewGuid(), engineer, Wuhan, at, at.AddHours(-1), OnTime: false));
        await bus.Publish(new EngineerArrived(Guid.NewGuid(), Guid.NewGuid(), engineer, Wuhan, at, at.AddHours(-2), OnTime: false));

        var headquarters = flow.Complaints(HotlineRoles.ServiceDirector);
        await Eventually.Until(async () =>
        {
            try { return (await headquarters.GetEngineerRecordAsync(new GetEngineerRecordRequest { EngineerId = engineer })).Arrivals == 3; }
            catch (RpcException e) when (e.StatusCode == StatusCode.NotFound) { return false; }
        }, what: "the three arrivals in the engineer record");

        var own = await flow.Complaints(HotlineRoles.ServiceDirector, flow.Branch).GetEngineerRecordAsync(new GetEngineerRecordRequest { EngineerId = engineer });
        Assert.Equal(1, own.Arrivals);
        Assert.Equal(1, own.OnTimeArrivals);
        Assert.Equal(0, own.LateArrivals);
        var wuhan = await flow.Complaints(HotlineRoles.ServiceDirector, Wuhan).GetEngineerRecordAsync(new GetEngineerRecordRequest { EngineerId = engineer });
        Assert.Equal(2, wuhan.Arrivals);
        Assert.Equal(2, wuhan.LateArrivals);
        await Refused.PermissionDenied(() => flow.Complaints(HotlineRoles.ServiceDirector, "GZ")
            .GetEngineerRecordAsync(new GetEngineerRecordRequest { EngineerId = engineer }).ResponseAsync);
    }

    [Fact]
    public async Task Dispatch_a_repeated_key_is_checked_for_branch_before_its_reply_is_returned_and_refused_for_another_body()
    {
        var order = (await flow.Intake(HotlineRoles.Agent).RegisterCallAsync(HotlineFlow.Call("13700006666", "孙八"))).Order;
        var changsha = flow.Dispatch(HotlineRoles.Dispatcher, flow.Branch);
        var planned = (await Eventually.Until<OrderDispatch?>(async () =>
        {
            try { return await changsha.GetOrderDispatchAsync(new GetOrderDispatchRequest { OrderId = order.OrderId }); }
            catch (RpcException e) when (e.StatusCode == StatusCode.NotFound) { return null; }
        }, d => d is not null, what: "the order known to dispatch"))!;
        var engineers = await flow.Roster(HotlineRoles.Dispatcher).ListEngineersAsync(new ListEngineersRequest { BranchCode = flow.Branch });
        AssignEngineerRequest? assigned = null;
        foreach (var engineer in engineers.Engineers.Where(e => e.EngineerId != planned.CurrentVisit?.EngineerId))
        {
            var request = new AssignEngineerRequest
            { OrderId = order.OrderId, EngineerId = engineer.EngineerId, Reason = "knows the customer", IdempotencyKey = Guid.NewGuid().ToString() };
            try { await changsha.AssignEngineerAsync(request); assigned = request; break; }
            catch (RpcException e) when (e.StatusCode is StatusCode.FailedPrecondition) { }
        }
        Assert.NotNull(assigned);

        // Same subject, same request, same key, but a Wuhan token: the order's branch is checked first.
        await Refused.PermissionDenied(() => flow.Dispatch(HotlineRoles.Dispatcher, Wuhan).AssignEngineerAsync(assigned).ResponseAsync);
        // Changsha again: the first reply.
        Assert.Equal(order.OrderId, (await changsha.AssignEngineerAsync(assigned)).OrderId);
        var changed = assigned.Clone();
        changed.Reason = "another reason";
        await RefusedWith(StatusCode.AlreadyExists, () => changsha.AssignEngineerAsync(changed).ResponseAsync, "idempotency_key");
        changed.IdempotencyKey = new string('k', 201);
        await RefusedWith(StatusCode.InvalidArgument, () => changsha.AssignEngineerAsync(changed).ResponseAsync, "idempotency_key");
    }

    [Fact]
    public async Task VisitReport_by_a_token_that_is_engineer_and_dispatcher_is_checked_for_branch()
    {
        var dispatch = await flow.Dispatch(HotlineRoles.Dispatcher).GetOrderDispatchAsync(new GetOrderDispatchRequest { OrderId = flow.Repair.OrderId });
        var visit = dispatch.CurrentVisit;
        Assert.NotNull(visit);
        var both = DevelopmentTokens.Mint(TestTokens.SigningKey, "two-hats", [HotlineRoles.Engineer, HotlineRoles.Dispatcher], Wuhan, visit.EngineerId);
        var client = new DispatchService.DispatchServiceClient(flow.Host.Channel(both));
        var report = new VisitReport { OrderId = flow.Repair.OrderId, VisitId = visit.VisitId, EngineerId = visit.EngineerId };
        await Refused.PermissionDenied(() => client.AcceptVisitAsync(report).ResponseAsync);
        await Refused.PermissionDenied(() => client.ReportCustomerAbsentAsync(new CustomerAbsentReport { Report = report }).ResponseAsync);
    }

    private FileComplaintRequest Complaint(ServiceOrder order, string engineerId) => new()
    {
        CustomerName = HotlineFlow.FirstName,
        CustomerPhone = flow.Phones[0],
        BranchCode = order.BranchCode,
        OrderId = order.OrderId,
        EngineerId = engineerId,
        Category = ComplaintCategory.LateOrMissedVisit,
        Description = "The engineer was rude.",
        IdempotencyKey = Guid.NewGuid().ToString(),
        AgentId = "C001",
    };
}
