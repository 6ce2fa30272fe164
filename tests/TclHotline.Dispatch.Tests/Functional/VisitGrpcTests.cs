using Grpc.Core;
using TclHotline.Dispatch.Tests.Support;
using TclHotline.Messages.Dispatch;
using TclHotline.Messages.Sla;
using TclHotline.ServiceDefaults.Security;
using TclHotline.Testing;
using Proto = TclHotline.Grpc.Dispatch.V1;

namespace TclHotline.Dispatch.Tests.Functional;

/// <summary>The visit lifecycle and who may touch it, over gRPC against a running module.</summary>
public class VisitGrpcTests(DispatchService service) : IClassFixture<DispatchService>
{
    [Fact]
    public async Task Rule02_arrival_before_the_commitment_meets_the_deadline()
    {
        var (order, visit) = await AssignedAsync();
        var engineer = service.Dispatch(HotlineRoles.Engineer, "CS", visit.EngineerId);

        await engineer.AcceptVisitAsync(Report(order, visit));
        await engineer.ReportEnRouteAsync(new Proto.EnRouteReport { Report = Report(order, visit), ExpectedArrival = Clients.Stamp(TestClock.Now.AddMinutes(20)) });
        var arrived = await engineer.ReportArrivalAsync(Report(order, visit));

        Assert.Equal(Proto.VisitStatus.Arrived, arrived.Status);
        Assert.True(arrived.OnTime);
        var arrival = await service.AwaitAsync<EngineerArrived>(order.OrderId);
        Assert.True(arrival.OnTime);
        var met = await service.AwaitAsync<DeadlineMet>(order.OrderId);
        Assert.Equal((TclHotline.Messages.DeadlineOwners.Dispatch, order.OrderId.ToString()), (met.Owner, met.SubjectId));
        Assert.Equal(Proto.CommitmentState.Met, (await service.OrderAsync(order.OrderId)).State);
    }

    [Fact]
    public async Task Completed_visit_is_published_for_the_repair_history_and_leaves_the_board()
    {
        var (order, visit) = await AssignedAsync();
        var engineer = service.Dispatch(HotlineRoles.Engineer, "CS", visit.EngineerId);
        await engineer.ReportArrivalAsync(Report(order, visit));

        var completed = await engineer.CompleteVisitAsync(new Proto.CompleteVisitRequest
        {
            Report = Report(order, visit),
            SerialNumber = order.SerialNumber,
            Completion = new Proto.Completion
            {
                FaultFound = "power board", Repaired = true, FeeChargedYuan = "0",
                PartsReplaced = { "power board" }, MainPartsReplaced = { Proto.MainPart.MainBoard },
            },
        });

        Assert.Equal(Proto.VisitStatus.Completed, completed.Status);
        var published = await service.AwaitAsync<VisitCompleted>(order.OrderId);
        Assert.Equal((true, "power board"), (published.Repaired, published.FaultFound));
        Assert.Equal(["MainBoard"], published.MainPartsReplaced);
        var board = await service.Dispatch().GetBoardAsync(new Proto.GetBoardRequest { BranchCode = "CS" });
        Assert.DoesNotContain(board.Entries, e => e.OrderId == order.OrderId.ToString());
    }

    [Fact]
    public async Task Customer_absent_is_published()
    {
        var (order, visit) = await AssignedAsync();
        var engineer = service.Dispatch(HotlineRoles.Engineer, "CS", visit.EngineerId);
        await engineer.ReportArrivalAsync(Report(order, visit));

        var absent = await engineer.ReportCustomerAbsentAsync(new Proto.CustomerAbsentReport { Report = Report(order, visit), Note = "nobody home" });

        Assert.Equal(Proto.VisitStatus.CustomerAbsent, absent.Status);
        Assert.Equal(visit.EngineerId, (await service.AwaitAsync<CustomerAbsent>(order.OrderId)).EngineerId);
    }

    [Fact]
    public async Task Engineer_may_not_report_or_read_another_engineers_visit()
    {
        var (order, visit) = await AssignedAsync();
        var other = service.Dispatch(HotlineRoles.Engineer, "CS", "CS-E99");

        var report = await Assert.ThrowsAsync<RpcException>(() => other.ReportArrivalAsync(Report(order, visit)).ResponseAsync);
        var asSelf = await Assert.ThrowsAsync<RpcException>(() => other.ReportArrivalAsync(Report(order, visit, engineerId: "CS-E99")).ResponseAsync);
        var read = await Assert.ThrowsAsync<RpcException>(() =>
            other.GetOrderDispatchAsync(new Proto.GetOrderDispatchRequest { OrderId = order.OrderId.ToString() }).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, report.StatusCode);
        Assert.Equal(StatusCode.InvalidArgument, asSelf.StatusCode);
        Assert.Contains("engineer_id", asSelf.Status.Detail);
        Assert.Equal(StatusCode.PermissionDenied, read.StatusCode);
        Assert.Empty(await service.PublishedAsync<EngineerArrived>(order.OrderId));
        Assert.Equal(Proto.VisitStatus.Assigned, (await service.OrderAsync(order.OrderId)).CurrentVisit.Status);
    }

    [Fact]
    public async Task Other_branch_is_denied_the_order_and_the_board()
    {
        var (order, _) = await AssignedAsync();
        var wuhan = service.Dispatch(HotlineRoles.Dispatcher, "WH");

        var read = await Assert.ThrowsAsync<RpcException>(() =>
            wuhan.GetOrderDispatchAsync(new Proto.GetOrderDispatchRequest { OrderId = order.OrderId.ToString() }).ResponseAsync);
        var board = await Assert.ThrowsAsync<RpcException>(() => wuhan.GetBoardAsync(new Proto.GetBoardRequest { BranchCode = "CS" }).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, read.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, board.StatusCode);
    }

    [Fact]
    public async Task Unknown_ids_and_bad_fields_are_refused_naming_them()
    {
        var dispatch = service.Dispatch(HotlineRoles.Administrator, "*");

        var unknown = await Assert.ThrowsAsync<RpcException>(() =>
            dispatch.GetOrderDispatchAsync(new Proto.GetOrderDispatchRequest { OrderId = Guid.NewGuid().ToString() }).ResponseAsync);
        var bad = await Assert.ThrowsAsync<RpcException>(() =>
            dispatch.ReportArrivalAsync(new Proto.VisitReport { OrderId = "x", VisitId = "" }).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(StatusCode.InvalidArgument, bad.StatusCode);
        Assert.Contains("order_id", bad.Status.Detail);
        Assert.Contains("visit_id", bad.Status.Detail);
        Assert.Contains("engineer_id", bad.Status.Detail);
    }

    private Task<(Messages.Intake.ServiceOrderOpened Order, EngineerAssigned Visit)> AssignedAsync() => service.AssignedAsync();

    private static Proto.VisitReport Report(Messages.Intake.ServiceOrderOpened order, EngineerAssigned visit, string? engineerId = null) =>
        Clients.Report(order, visit, engineerId);
}
