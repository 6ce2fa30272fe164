using Grpc.Core;
using TclHotline.Grpc.Complaints.V1;
using TclHotline.Grpc.Dispatch.V1;
using TclHotline.Grpc.Intake.V1;
using TclHotline.Grpc.Sla.V1;
using TclHotline.ServiceDefaults.Security;
using Xunit;

namespace TclHotline.Security.Tests;

/// <summary>
/// Branch scope: Wuhan's dispatcher, director and complaint handler never see the Changsha orders,
/// board, deadlines or complaints the flow created: asked for them, PermissionDenied; listing, filtered out.
/// </summary>
[Collection(HotlineFlowCollection.Name)]
public sealed class BranchScopeTests(HotlineFlow flow)
{
    private const string Wuhan = "WH";

    [Fact]
    public void The_flows_orders_belong_to_another_branch_than_Wuhan() => Assert.NotEqual(Wuhan, flow.Branch);

    [Theory]
    [InlineData(HotlineRoles.Dispatcher)]
    [InlineData(HotlineRoles.ServiceDirector)]
    public async Task Intake_wuhan_staff_neither_get_nor_list_changsha_orders(string role)
    {
        var intake = flow.Intake(role, Wuhan);
        var refusal = await Refused.PermissionDenied(() => intake.GetServiceOrderAsync(new GetServiceOrderRequest { OrderNumber = flow.Repair.OrderNumber }).ResponseAsync);
        Assert.DoesNotContain(flow.Repair.OrderNumber, refusal.Status.Detail);
        await Refused.PermissionDenied(() => intake.ListServiceOrdersAsync(new ListServiceOrdersRequest { BranchCode = flow.Branch }).ResponseAsync);

        var own = await intake.ListServiceOrdersAsync(new ListServiceOrdersRequest());
        Assert.DoesNotContain(own.Orders, o => o.BranchCode == flow.Branch || o.OrderId == flow.Repair.OrderId);
        // Headquarters does see them, so the filtering above is not an empty database.
        var all = await flow.Intake(role).ListServiceOrdersAsync(new ListServiceOrdersRequest());
        Assert.Contains(all.Orders, o => o.OrderId == flow.Repair.OrderId);
    }

    [Theory]
    [InlineData(HotlineRoles.Dispatcher)]
    [InlineData(HotlineRoles.ServiceDirector)]
    public async Task Dispatch_wuhan_staff_never_see_the_changsha_board_or_dispatch(string role)
    {
        var dispatch = flow.Dispatch(role, Wuhan);
        await Refused.PermissionDenied(() => dispatch.GetBoardAsync(new GetBoardRequest { BranchCode = flow.Branch }).ResponseAsync);
        await Refused.PermissionDenied(() => dispatch.GetOrderDispatchAsync(new GetOrderDispatchRequest { OrderId = flow.Repair.OrderId }).ResponseAsync);

        var watch = dispatch.WatchBoard(new WatchBoardRequest { BranchCode = flow.Branch });
        await Refused.PermissionDenied(() => watch.ResponseStream.MoveNext(CancellationToken.None));

        var own = await dispatch.GetBoardAsync(new GetBoardRequest { BranchCode = Wuhan });
        Assert.NotEqual(flow.Branch, own.BranchCode);
        Assert.DoesNotContain(own.Entries, e => e.OrderId == flow.Repair.OrderId || e.OrderId == flow.ToCancel.OrderId);

        var engineers = await flow.Roster(role, Wuhan).ListEngineersAsync(new ListEngineersRequest());
        Assert.DoesNotContain(engineers.Engineers, e => e.BranchCode == flow.Branch);
        await Refused.PermissionDenied(() => flow.Roster(role, Wuhan).ListEngineersAsync(new ListEngineersRequest { BranchCode = flow.Branch }).ResponseAsync);
    }

    [Theory]
    [InlineData(HotlineRoles.Dispatcher)]
    [InlineData(HotlineRoles.ServiceDirector)]
    public async Task Sla_wuhan_staff_never_see_changsha_deadlines(string role)
    {
        var sla = flow.Sla(role, Wuhan);
        await Refused.PermissionDenied(() => sla.ListAtRiskAsync(new ListAtRiskRequest { BranchCode = flow.Branch }).ResponseAsync);
        var watch = sla.WatchSlaEvents(new WatchSlaEventsRequest { BranchCode = flow.Branch });
        await Refused.PermissionDenied(() => watch.ResponseStream.MoveNext(CancellationToken.None));

        var own = await sla.ListAtRiskAsync(new ListAtRiskRequest());
        Assert.DoesNotContain(own.Deadlines, d => d.Deadline.BranchCode == flow.Branch);
    }

    [Theory]
    [InlineData(HotlineRoles.ComplaintHandler)]
    [InlineData(HotlineRoles.ServiceDirector)]
    public async Task Complaints_wuhan_staff_never_see_the_changsha_complaint(string role)
    {
        var desk = flow.Complaints(role, Wuhan);
        var refusal = await Refused.PermissionDenied(() => desk.GetComplaintAsync(new GetComplaintRequest { ComplaintId = flow.ComplaintId }).ResponseAsync);
        Assert.DoesNotContain(HotlineFlow.ComplaintName, refusal.Status.Detail);
        await Refused.PermissionDenied(() => desk.ListComplaintsAsync(new ListComplaintsRequest { BranchCode = flow.Branch }).ResponseAsync);
        await Refused.PermissionDenied(() => desk.AcknowledgeAsync(new AcknowledgeRequest { ComplaintId = flow.ComplaintId, AgentId = "WH-1" }).ResponseAsync);

        var own = await desk.ListComplaintsAsync(new ListComplaintsRequest());
        Assert.DoesNotContain(own.Complaints, c => c.ComplaintId == flow.ComplaintId || c.BranchCode == flow.Branch);
        var all = await flow.Complaints(role).ListComplaintsAsync(new ListComplaintsRequest());
        Assert.Contains(all.Complaints, c => c.ComplaintId == flow.ComplaintId);
    }
}
