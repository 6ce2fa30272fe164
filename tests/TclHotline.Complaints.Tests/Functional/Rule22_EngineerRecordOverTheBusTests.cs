using Grpc.Core;
using TclHotline.Complaints.Consumers;
using TclHotline.Complaints.Tests.Support;
using TclHotline.Grpc.Complaints.V1;
using TclHotline.Messages.Dispatch;
using TclHotline.ServiceDefaults.Security;

namespace TclHotline.Complaints.Tests.Functional;

/// <summary>Rule 22 through the running service: Dispatch's visit events and complaints build the engineer's record.</summary>
public sealed class Rule22_EngineerRecordOverTheBusTests(ComplaintsHost service) : IClassFixture<ComplaintsHost>
{
    private static readonly DateTimeOffset Start = DateTimeOffset.UtcNow.AddDays(-10);

    [Fact]
    public async Task Rule22_the_record_reflects_visits_lateness_repeat_repairs_and_complaints_with_the_cases()
    {
        const string engineer = "eng-22";
        var onTimeOrder = Guid.NewGuid();
        var lateOrder = Guid.NewGuid();
        var revisitOrder = Guid.NewGuid();
        var arrivals = await service.HandledAsync(nameof(EngineerArrivedConsumer));
        var visits = await service.HandledAsync(nameof(VisitCompletedConsumer));

        await service.PublishAsync(Arrived(onTimeOrder, engineer, Start, onTime: true));
        await service.PublishAsync(Arrived(lateOrder, engineer, Start.AddDays(1), onTime: false));
        await service.PublishAsync(Completed(onTimeOrder, engineer, "SN-A", Start.AddHours(1)));
        await service.PublishAsync(Completed(lateOrder, engineer, "SN-B", Start.AddDays(1).AddHours(1)));
        // Another engineer back at unit A within 30 days: eng-22's repair did not hold.
        await service.PublishAsync(Completed(revisitOrder, "eng-other", "SN-A", Start.AddDays(5)));
        await service.WaitHandledAsync(nameof(EngineerArrivedConsumer), arrivals + 2);
        await service.WaitHandledAsync(nameof(VisitCompletedConsumer), visits + 3);
        var complaint = await service.Handler().FileComplaintAsync(new FileComplaintRequest
        {
            CustomerName = "Li Wei",
            CustomerPhone = "13800138000",
            BranchCode = ComplaintsHost.Shenzhen,
            SerialNumber = "SN-B",
            EngineerId = engineer,
            Category = ComplaintCategory.EngineerConduct,
            Description = "Engineer was rude and two hours late",
            IdempotencyKey = Guid.NewGuid().ToString("N"),
            AgentId = Desk.Agent,
        });

        var record = await service.DeskAs(HotlineRoles.ServiceDirector, ComplaintsHost.Shenzhen)
            .GetEngineerRecordAsync(new GetEngineerRecordRequest { EngineerId = engineer });

        Assert.Equal(2, record.Visits);
        Assert.Equal(2, record.Arrivals);
        Assert.Equal(1, record.OnTimeArrivals);
        Assert.Equal(1, record.LateArrivals);
        Assert.Equal(2, record.RepairedVisits);
        Assert.Equal(1, record.RepeatRepairs);
        Assert.Equal(1, record.Complaints);
        Assert.Equal(EngineerClassification.WillingButSlowOrWeak, record.Classification);
        Assert.NotEmpty(record.Reasons);
        Assert.Contains(record.Cases, c => c.Kind == EngineerCaseKind.LateArrival && c.OrderId == lateOrder.ToString("D"));
        Assert.Contains(record.Cases, c => c.Kind == EngineerCaseKind.RepeatRepair && c.OrderId == onTimeOrder.ToString("D"));
        Assert.Contains(record.Cases, c => c.Kind == EngineerCaseKind.Complaint && c.ComplaintId == complaint.ComplaintId);
    }

    [Fact]
    public async Task Rule22_a_record_lists_the_newest_cases_asked_for_says_there_are_more_and_refuses_more_than_the_maximum_by_name()
    {
        const string engineer = "eng-22-cases";
        var arrivals = await service.HandledAsync(nameof(EngineerArrivedConsumer));
        var late = Enumerable.Range(0, 3).Select(_ => Guid.NewGuid()).ToList();
        for (var i = 0; i < late.Count; i++)
            await service.PublishAsync(Arrived(late[i], engineer, Start.AddDays(i), onTime: false));
        await service.WaitHandledAsync(nameof(EngineerArrivedConsumer), arrivals + 3);
        var desk = service.DeskAs(HotlineRoles.ServiceDirector, ComplaintsHost.Shenzhen);

        var all = await desk.GetEngineerRecordAsync(new GetEngineerRecordRequest { EngineerId = engineer });
        Assert.Equal(late.Select(o => o.ToString("D")), all.Cases.Select(c => c.OrderId));
        Assert.False(all.MoreCases);
        var newest = await desk.GetEngineerRecordAsync(new GetEngineerRecordRequest { EngineerId = engineer, MaxCases = 2 });
        Assert.Equal(late.Skip(1).Select(o => o.ToString("D")), newest.Cases.Select(c => c.OrderId));
        Assert.True(newest.MoreCases);
        Assert.Equal(3, newest.LateArrivals);

        foreach (var asked in new[] { -1, 501 })
        {
            var refusal = await Assert.ThrowsAsync<RpcException>(() =>
                desk.GetEngineerRecordAsync(new GetEngineerRecordRequest { EngineerId = engineer, MaxCases = asked }).ResponseAsync);
            Assert.Equal(StatusCode.InvalidArgument, refusal.StatusCode);
            Assert.Contains("max_cases", refusal.Status.Detail);
        }
    }

    [Fact]
    public async Task Rule22_a_service_director_of_another_branch_may_not_see_the_record_and_an_unknown_engineer_is_not_found()
    {
        const string engineer = "eng-22-scope";
        var arrivals = await service.HandledAsync(nameof(EngineerArrivedConsumer));
        await service.PublishAsync(Arrived(Guid.NewGuid(), engineer, Start, onTime: true));
        await service.WaitHandledAsync(nameof(EngineerArrivedConsumer), arrivals + 1);

        var denied = await Assert.ThrowsAsync<RpcException>(() => service.DeskAs(HotlineRoles.ServiceDirector, ComplaintsHost.Beijing)
            .GetEngineerRecordAsync(new GetEngineerRecordRequest { EngineerId = engineer }).ResponseAsync);
        var unknown = await Assert.ThrowsAsync<RpcException>(() => service.DeskAs(HotlineRoles.ServiceDirector, ComplaintsHost.Shenzhen)
            .GetEngineerRecordAsync(new GetEngineerRecordRequest { EngineerId = "eng-nobody" }).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
        Assert.Equal(StatusCode.NotFound, unknown.StatusCode);
    }

    private static EngineerArrived Arrived(Guid orderId, string engineer, DateTimeOffset at, bool onTime) =>
        new(orderId, Guid.NewGuid(), engineer, ComplaintsHost.Shenzhen, at, onTime ? at.AddHours(1) : at.AddHours(-2), onTime);

    private static VisitCompleted Completed(Guid orderId, string engineer, string serial, DateTimeOffset at) =>
        new(orderId, Guid.NewGuid(), engineer, ComplaintsHost.Shenzhen, serial, at, true, false, "NoPicture", ["MainBoard"], ["MainBoard"], 0m, 0, 0);
}
