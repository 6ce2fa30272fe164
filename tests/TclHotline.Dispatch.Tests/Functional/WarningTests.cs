using Microsoft.Extensions.DependencyInjection;
using TclHotline.Dispatch.Tests.Support;
using TclHotline.Messages;
using TclHotline.Messages.Dispatch;
using TclHotline.Messages.Sla;
using TclHotline.ServiceDefaults.Time;
using TclHotline.Testing;
using Proto = TclHotline.Grpc.Dispatch.V1;

namespace TclHotline.Dispatch.Tests.Functional;

/// <summary>The SLA timer's warnings and breaches, on a host whose clock the test moves.</summary>
public sealed class WarningTests : IAsyncLifetime
{
    private readonly string _offsetFile = Path.Combine(Path.GetTempPath(), "dispatch-clock-" + Guid.NewGuid().ToString("N"));
    private readonly DispatchService _service = new();

    public Task InitializeAsync() => _service.InitializeAsync([], TestClock.Create(_offsetFile));

    public async Task DisposeAsync()
    {
        await _service.DisposeAsync();
        File.Delete(_offsetFile);
    }

    [Fact]
    public async Task Rule02_warning_after_the_planned_arrival_passed_reassigns_or_escalates()
    {
        var order = DispatchService.Order();
        await _service.PublishAsync(order);
        var assigned = await _service.AwaitAsync<EngineerAssigned>(order.OrderId);
        // The engineer has not arrived by the planned time: they can no longer be counted on.
        var clock = _service.Host.Services.GetRequiredService<TimeProvider>();
        ControlledClock.Advance(_offsetFile, assigned.PlannedArrival - clock.GetUtcNow() + TimeSpan.FromMinutes(5));
        await Task.Delay(200);

        await _service.PublishAsync(Warning(order.OrderId, 0.5));

        await Eventually.Until(async () =>
            (await _service.PublishedAsync<EngineerAssigned>(order.OrderId)).Count == 2
            || (await _service.PublishedAsync<DispatchEscalated>(order.OrderId)).Count == 1,
            TimeSpan.FromSeconds(15), "a reassignment or an escalation");
        var assignments = await _service.PublishedAsync<EngineerAssigned>(order.OrderId);
        if (assignments.Count == 2)
        {
            Assert.Equal("Reassign", assignments[1].AssignedBy);
            Assert.NotEqual(assigned.EngineerId, assignments[1].EngineerId);
            Assert.True(assignments[1].PlannedArrival <= assigned.CommitmentDue);
        }

        var state = (await _service.OrderAsync(order.OrderId)).State;
        Assert.Contains(state, new[] { Proto.CommitmentState.Warned, Proto.CommitmentState.AtRisk });
    }

    [Fact]
    public async Task Rule02_warning_with_an_engineer_still_on_time_keeps_them_and_shows_warned()
    {
        var order = DispatchService.Order();
        await _service.PublishAsync(order);
        var assigned = await _service.AwaitAsync<EngineerAssigned>(order.OrderId);

        await _service.PublishAsync(Warning(order.OrderId, 0.5));

        var warned = await Eventually.Until(() => _service.OrderAsync(order.OrderId), o => o.State == Proto.CommitmentState.Warned,
            TimeSpan.FromSeconds(15), "the board to show the warning");
        Assert.Equal(assigned.VisitId.ToString(), warned.CurrentVisit.VisitId);
        Assert.Single(await _service.PublishedAsync<EngineerAssigned>(order.OrderId));
    }

    [Fact]
    public async Task Rule02_warning_when_nobody_can_come_escalates_again_and_breach_shows_breached()
    {
        var order = DispatchService.Order(district: "430124");
        await _service.PublishAsync(order);
        await _service.AwaitAsync<DispatchEscalated>(order.OrderId);

        await _service.PublishAsync(Warning(order.OrderId, 0.8));
        await _service.AwaitAsync<DispatchEscalated>(order.OrderId, count: 2);
        await _service.PublishAsync(new DeadlineBreached(Guid.NewGuid(), DeadlineOwners.Dispatch, order.OrderId.ToString(), DeadlineKinds.OnSite,
            "CS", order.RegisteredAt.AddHours(24), order.RegisteredAt.AddHours(24), TimeSpan.Zero));

        await Eventually.Until(() => _service.OrderAsync(order.OrderId), o => o.State == Proto.CommitmentState.Breached,
            TimeSpan.FromSeconds(15), "the board to show the breach");
    }

    private static DeadlineWarned Warning(Guid orderId, double fraction) =>
        new(Guid.NewGuid(), DeadlineOwners.Dispatch, orderId.ToString(), DeadlineKinds.OnSite, "CS", fraction,
            TestClock.Now.AddHours(12), TestClock.Now);
}
