using Grpc.Core;
using TclHotline.Dispatch.Tests.Support;
using TclHotline.Messages.Dispatch;
using TclHotline.Messages.Intake;
using TclHotline.ServiceDefaults.Security;
using TclHotline.Testing;
using Proto = TclHotline.Grpc.Dispatch.V1;

namespace TclHotline.Dispatch.Tests.Functional;

/// <summary>
/// CompleteVisit checks the engineer's fee and days against the rules and intake's last estimate (FeeEstimated)
/// before anything is stored; what it accepts is published for intake to settle.
/// </summary>
public class CompletionFeeTests(DispatchService service) : IClassFixture<DispatchService>
{
    [Fact]
    public async Task Rule15_the_assignment_publishes_the_outlets_distance_for_the_travel_fee()
    {
        var (order, visit) = await AssignedAsync();
        var network = await service.Roster().GetNetworkAsync(new Proto.GetNetworkRequest());
        var coverage = network.Outlets.Single(o => o.OutletId == visit.OutletId).Coverage.Single(c => c.DistrictCode == order.DistrictCode);
        Assert.Equal((decimal)coverage.DistanceKm, visit.DistanceKm);
    }

    [Fact]
    public async Task Rule14_a_fee_on_a_declined_repair_is_refused_naming_the_field_and_nothing_is_stored()
    {
        var (order, visit, engineer) = await ArrivedAsync(chargeable: true, total: 66m);

        var refused = await Assert.ThrowsAsync<RpcException>(() => engineer.CompleteVisitAsync(
            Complete(order, visit, new Proto.Completion { CustomerDeclined = true, FeeChargedYuan = "50" })).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Contains("completion.fee_charged_yuan", refused.Status.Detail);
        await AssertNothingStoredAsync(order);

        await engineer.CompleteVisitAsync(Complete(order, visit, new Proto.Completion { CustomerDeclined = true, FaultFound = "T-CON" }));
        var published = await service.AwaitAsync<VisitCompleted>(order.OrderId);
        Assert.True(published.CustomerDeclined);
        Assert.Equal(0m, published.FeeCharged);
    }

    [Fact]
    public async Task Rule05_Rule09_days_outside_0_to_3650_are_refused_naming_each_field()
    {
        var (order, visit, engineer) = await ArrivedAsync(chargeable: false, total: 0m);

        var refused = await Assert.ThrowsAsync<RpcException>(() => engineer.CompleteVisitAsync(
            Complete(order, visit, new Proto.Completion { Repaired = true, DaysInRepair = -5, DaysWaitingForParts = 3651 })).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Contains("completion.days_in_repair", refused.Status.Detail);
        Assert.Contains("completion.days_waiting_for_parts", refused.Status.Detail);
        await AssertNothingStoredAsync(order);
    }

    [Fact]
    public async Task Rule13_an_in_warranty_repair_is_charged_only_for_a_documented_exclusion()
    {
        var (order, visit, engineer) = await ArrivedAsync(chargeable: false, total: 0m);

        var noExclusion = await Assert.ThrowsAsync<RpcException>(() => engineer.CompleteVisitAsync(
            Complete(order, visit, new Proto.Completion { Repaired = true, FeeChargedYuan = "120" })).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, noExclusion.StatusCode);
        Assert.Contains("completion.fee_charged_yuan", noExclusion.Status.Detail);
        var unknown = await Assert.ThrowsAsync<RpcException>(() => engineer.CompleteVisitAsync(Complete(order, visit,
            new Proto.Completion { Repaired = true, FeeChargedYuan = "120", WarrantyExclusion = (Proto.WarrantyExclusion)9 })).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, unknown.StatusCode);
        Assert.Contains("completion.warranty_exclusion", unknown.Status.Detail);
        await AssertNothingStoredAsync(order);

        await engineer.CompleteVisitAsync(Complete(order, visit,
            new Proto.Completion { Repaired = true, FeeChargedYuan = "120", WarrantyExclusion = Proto.WarrantyExclusion.UserDamage }));
        var published = await service.AwaitAsync<VisitCompleted>(order.OrderId);
        Assert.Equal((120m, "UserDamage"), (published.FeeCharged, published.WarrantyExclusion));
    }

    [Fact]
    public async Task Rule13_more_than_the_last_estimate_needs_a_reason_and_the_extra_parts()
    {
        var (order, visit, engineer) = await ArrivedAsync(chargeable: true, total: 66m);

        var refused = await Assert.ThrowsAsync<RpcException>(() => engineer.CompleteVisitAsync(
            Complete(order, visit, new Proto.Completion { Repaired = true, FeeChargedYuan = "80" })).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Contains("completion.fee_charged_yuan", refused.Status.Detail);
        Assert.Contains("completion.charge_reason", refused.Status.Detail);
        Assert.Contains("completion.extra_parts", refused.Status.Detail);
        await AssertNothingStoredAsync(order);

        await engineer.CompleteVisitAsync(Complete(order, visit, new Proto.Completion
        {
            Repaired = true, FeeChargedYuan = "80", ChargeReason = "the power board failed too", ExtraParts = { "power board" },
        }));
        var published = await service.AwaitAsync<VisitCompleted>(order.OrderId);
        Assert.Equal(80m, published.FeeCharged);
        Assert.Equal("the power board failed too", published.ChargeReason);
        Assert.Equal(["power board"], published.ExtraParts!);
    }

    [Fact]
    public async Task Rule13_a_blank_fee_charges_the_last_estimate_and_a_later_revision_wins()
    {
        var (order, visit, engineer) = await ArrivedAsync(chargeable: true, total: 91m, revision: 3);
        await service.PublishAsync(Estimate(order, chargeable: true, total: 66m, revision: 2)); // arrives late: ignored
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        Assert.Equal(3, (await service.OrderAsync(order.OrderId)).Fee.Revision);

        await engineer.CompleteVisitAsync(Complete(order, visit, new Proto.Completion { Repaired = true }));

        Assert.Equal(91m, (await service.AwaitAsync<VisitCompleted>(order.OrderId)).FeeCharged);
    }

    [Fact]
    public async Task Rule17_the_completion_says_the_panel_can_be_neither_repaired_nor_supplied()
    {
        var (order, visit, engineer) = await ArrivedAsync(chargeable: false, total: 0m);

        await engineer.CompleteVisitAsync(Complete(order, visit, new Proto.Completion
        {
            FaultFound = "panel", PanelUnrepairable = true, PanelNoLongerSupplied = true,
        }));

        var published = await service.AwaitAsync<VisitCompleted>(order.OrderId);
        Assert.True(published.PanelUnrepairable);
        Assert.True(published.PanelNoLongerSupplied);
    }

    private async Task AssertNothingStoredAsync(ServiceOrderOpened order)
    {
        Assert.Empty(await service.PublishedAsync<VisitCompleted>(order.OrderId));
        Assert.Equal(Proto.VisitStatus.Arrived, (await service.OrderAsync(order.OrderId)).CurrentVisit.Status);
    }

    private static FeeEstimated Estimate(ServiceOrderOpened order, bool chargeable, decimal total, int revision) =>
        Clients.Estimate(order, chargeable, total, revision);

    private Task<(ServiceOrderOpened Order, EngineerAssigned Visit)> AssignedAsync() => service.AssignedAsync();

    private Task<(ServiceOrderOpened, EngineerAssigned, Proto.DispatchService.DispatchServiceClient)> ArrivedAsync(
        bool chargeable, decimal total, int revision = 2) => service.ArrivedAsync(chargeable, total, revision);

    private static Proto.CompleteVisitRequest Complete(ServiceOrderOpened order, EngineerAssigned visit, Proto.Completion completion) => new()
    {
        Report = Report(order, visit), SerialNumber = order.SerialNumber, Completion = completion,
    };

    private static Proto.VisitReport Report(ServiceOrderOpened order, EngineerAssigned visit) => Clients.Report(order, visit);
}
