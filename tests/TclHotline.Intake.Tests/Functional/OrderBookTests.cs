using Grpc.Core;
using TclHotline.Grpc.Intake.V1;
using TclHotline.Intake.Tests.Support;
using TclHotline.Messages.Dispatch;
using TclHotline.ServiceDefaults.Security;

namespace TclHotline.Intake.Tests.Functional;

/// <summary>Reading, listing and cancelling stored orders, the screen pop, and dispatch's progress events.</summary>
public sealed class OrderBookTests(IntakeHostFixture fixture) : IClassFixture<IntakeHostFixture>
{
    private readonly IntakeHost intake = fixture.Intake;

    private async Task<ServiceOrder> OpenAsync(string districtCode = "430102", string cityCode = "4301", string provinceCode = "43")
    {
        var request = Requests.Repair();
        (request.ProvinceCode, request.CityCode, request.DistrictCode) = (provinceCode, cityCode, districtCode);
        return (await intake.ClientAs().RegisterCallAsync(request)).Order;
    }

    [Fact]
    public async Task List_is_filtered_paged_and_scoped_to_the_dispatchers_branch()
    {
        var hubei = new[] { await OpenAsync("420102", "4201", "42"), await OpenAsync("420102", "4201", "42"), await OpenAsync("420102", "4201", "42") };
        var hunan = await OpenAsync();

        var first = await intake.ClientAs(HotlineRoles.Dispatcher, "WH").ListServiceOrdersAsync(new ListServiceOrdersRequest { PageSize = 2 });
        var second = await intake.ClientAs(HotlineRoles.Dispatcher, "WH").ListServiceOrdersAsync(
            new ListServiceOrdersRequest { PageSize = 2, PageToken = first.NextPageToken });

        var seen = first.Orders.Concat(second.Orders).Select(o => o.OrderNumber).ToList();
        Assert.Equal(hubei.Select(o => o.OrderNumber).Reverse(), seen);
        Assert.Equal("", second.NextPageToken);
        var denied = await Assert.ThrowsAsync<RpcException>(() => intake.ClientAs(HotlineRoles.Dispatcher, "WH")
            .ListServiceOrdersAsync(new ListServiceOrdersRequest { BranchCode = "CS" }).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
        var hidden = await Assert.ThrowsAsync<RpcException>(() => intake.ClientAs(HotlineRoles.Dispatcher, "WH")
            .GetServiceOrderAsync(new GetServiceOrderRequest { OrderNumber = hunan.OrderNumber }).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, hidden.StatusCode);

        var consultations = await intake.ClientAs().ListServiceOrdersAsync(new ListServiceOrdersRequest
        {
            BranchCode = "WH", OrderType = OrderType.Consultation, RegisteredFrom = "2025-06-01", RegisteredTo = "2025-06-01",
        });
        Assert.Empty(consultations.Orders);
    }

    [Fact]
    public async Task Cancel_records_the_reason_publishes_and_refuses_a_second_time()
    {
        var order = await OpenAsync();

        var cancelled = await intake.ClientAs(HotlineRoles.Dispatcher, "CS").CancelServiceOrderAsync(
            new CancelServiceOrderRequest { OrderNumber = order.OrderNumber, Reason = "Customer fixed it" });

        Assert.Equal(OrderStatus.Cancelled, cancelled.Status);
        Assert.Equal("Customer fixed it", cancelled.CancelReason);
        Assert.Single(await intake.OutboxAsync("ServiceOrderCancelled"), r => r.AggregateId == order.OrderId);
        var audit = await new TclHotline.Grpc.Audit.V1.AuditTrail.AuditTrailClient(intake.Host.ChannelAs(HotlineRoles.Administrator))
            .ListAuditEntriesAsync(new TclHotline.Grpc.Audit.V1.ListAuditEntriesRequest { Service = "intake", SubjectId = order.OrderId });
        var entry = Assert.Single(audit.Entries);
        Assert.Equal("service-order.cancel", entry.Action);
        Assert.Equal("CS", entry.ActorBranch);
        Assert.Contains("Customer fixed it", entry.AfterJson);
        var again = await Assert.ThrowsAsync<RpcException>(() => intake.ClientAs().CancelServiceOrderAsync(
            new CancelServiceOrderRequest { OrderNumber = order.OrderNumber, Reason = "again" }).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, again.StatusCode);
        var missing = await Assert.ThrowsAsync<RpcException>(() => intake.ClientAs().CancelServiceOrderAsync(
            new CancelServiceOrderRequest { OrderNumber = "SO19990101-000001", Reason = "x" }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Rule05_dispatch_events_move_the_order_on_and_repair_days_extend_the_period()
    {
        var order = await OpenAsync();
        var id = Guid.Parse(order.OrderId);
        var at = Clock.Local(Call.Today, "11:00");

        await DispatchEvents.PublishAsync(intake, new EngineerAssigned(id, Guid.NewGuid(), "E-1", "王工", "O-1", order.BranchCode, at, at, "Auto", at));
        await DispatchEvents.WaitForStatusAsync(intake, order.OrderNumber, OrderStatus.Assigned);
        await DispatchEvents.PublishAsync(intake, new EngineerArrived(id, Guid.NewGuid(), "E-1", order.BranchCode, at, at, true));
        await DispatchEvents.WaitForStatusAsync(intake, order.OrderNumber, OrderStatus.EngineerArrived);
        await DispatchEvents.CompleteVisitAsync(intake, order, order.SerialNumber, daysInRepair: 3);
        await DispatchEvents.PublishAsync(intake, new CustomerAbsent(id, Guid.NewGuid(), "E-1", order.BranchCode, at));

        Assert.Equal(1, await intake.CountAsync("units", "serial_number = @S AND days_in_repair = 3", new { S = order.SerialNumber }));
        await Task.Delay(300);
        var stored = await intake.ClientAs().GetServiceOrderAsync(new GetServiceOrderRequest { OrderNumber = order.OrderNumber });
        Assert.Equal(OrderStatus.Completed, stored.Status);
        var unit = Assert.Single((await intake.ClientAs().LookupCallerAsync(new LookupCallerRequest { CallerNumber = order.CallerNumber })).Units);
        Assert.Equal(3, unit.Warranty.WholeUnitExtensionDays);
        Assert.Equal("2026-01-13", unit.Warranty.WholeUnitEnd); // 2026-01-10 plus the 3 days in repair
        Assert.Contains(5, unit.Warranty.RulesApplied);
    }

    [Fact]
    public async Task LookupCaller_shows_the_customer_units_open_orders_and_last_calls()
    {
        var order = await OpenAsync();
        await intake.ClientAs().RegisterCallAsync(Requests.Repair(order.CallerNumber, order.SerialNumber));

        var pop = await intake.ClientAs().LookupCallerAsync(new LookupCallerRequest { CallerNumber = order.CallerNumber });

        Assert.True(pop.Found);
        Assert.Equal("张三", pop.Customer.Name);
        var unit = Assert.Single(pop.Units);
        Assert.Equal(order.SerialNumber, unit.SerialNumber);
        Assert.True(unit.Warranty.InWarranty);
        Assert.Equal(order.OrderNumber, Assert.Single(pop.OpenOrders).OrderNumber);
        Assert.Equal([true, false], pop.LastCalls.Select(c => c.RepeatCall));
        var unknown = await intake.ClientAs().LookupCallerAsync(new LookupCallerRequest { CallerNumber = "13700000000" });
        Assert.False(unknown.Found);
    }
}
