using TclHotline.Dispatch.Tests.Support;
using TclHotline.Messages;
using TclHotline.Messages.Dispatch;
using TclHotline.Messages.Sla;
using TclHotline.Testing;

namespace TclHotline.Dispatch.Tests.Functional;

/// <summary>Orders arriving from intake, through a running dispatch module.</summary>
public class OrderDispatchTests(DispatchService service) : IClassFixture<DispatchService>
{
    [Fact]
    public async Task Rule02_urban_order_is_assigned_at_once_to_an_engineer_arriving_within_24_hours()
    {
        var order = DispatchService.Order();

        await service.PublishAsync(order);

        var assigned = await service.AwaitAsync<EngineerAssigned>(order.OrderId);
        var deadline = await service.AwaitAsync<DeadlineSet>(order.OrderId);
        Assert.Equal("Auto", assigned.AssignedBy);
        Assert.True(assigned.PlannedArrival <= order.RegisteredAt.AddHours(24), $"planned {assigned.PlannedArrival:O}");
        Assert.StartsWith("CS-", assigned.EngineerId);
        Assert.Equal(order.RegisteredAt.AddHours(24), assigned.CommitmentDue);
        Assert.Equal((DeadlineOwners.Dispatch, order.OrderId.ToString(), DeadlineKinds.OnSite, "CS"),
            (deadline.Owner, deadline.SubjectId, deadline.Kind, deadline.BranchCode));
        Assert.Equal((order.RegisteredAt, order.RegisteredAt.AddHours(24)), (deadline.StartsAt, deadline.DueAt));
        Assert.Empty(await service.PublishedAsync<DispatchEscalated>(order.OrderId));
    }

    [Fact]
    public async Task Rule02_order_nobody_covers_is_escalated_at_once_and_its_deadline_still_set()
    {
        // 430124 (Ningxiang) is in the Changsha branch's area, but no outlet covers it.
        var order = DispatchService.Order(district: "430124");

        await service.PublishAsync(order);

        var escalated = await service.AwaitAsync<DispatchEscalated>(order.OrderId);
        var deadline = await service.AwaitAsync<DeadlineSet>(order.OrderId);
        Assert.Equal(("CS", "周建国"), (escalated.BranchCode, escalated.ServiceDirector));
        Assert.Equal(order.RegisteredAt.AddHours(24), escalated.CommitmentDue);
        Assert.Equal(order.RegisteredAt.AddHours(24), deadline.DueAt);
        Assert.Empty(await service.PublishedAsync<EngineerAssigned>(order.OrderId));
    }

    [Fact]
    public async Task Rule01_order_belongs_to_the_branch_whose_area_the_unit_is_used_in()
    {
        // Sold and reported through Wuhan, but used in Changsha's Furong district.
        var order = DispatchService.Order(branch: "WH");

        await service.PublishAsync(order);

        var assigned = await service.AwaitAsync<EngineerAssigned>(order.OrderId);
        Assert.Equal("CS", assigned.BranchCode);
    }

    [Fact]
    public async Task Rule02_customer_requested_later_visit_moves_the_deadline_as_customer_caused()
    {
        var registered = TestClock.Now;
        var requested = registered.AddDays(3);
        var order = DispatchService.Order(registeredAt: registered, requestedVisitAt: requested);

        await service.PublishAsync(order);

        var moved = await service.AwaitAsync<DeadlineMoved>(order.OrderId);
        Assert.Equal("Customer", moved.Cause);
        Assert.Equal(requested.AddHours(2), moved.NewDueAt);
        Assert.Equal(registered.AddHours(24), (await service.AwaitAsync<DeadlineSet>(order.OrderId)).DueAt);
    }

    [Fact]
    public async Task Cancelled_order_cancels_its_visit_and_deadline()
    {
        var order = DispatchService.Order();
        await service.PublishAsync(order);
        await service.AwaitAsync<EngineerAssigned>(order.OrderId);

        await service.PublishAsync(new Messages.Intake.ServiceOrderCancelled(order.OrderId, order.OrderNumber, "CS", "resolved by phone", "agent", TestClock.Now));

        var cancelled = await service.AwaitAsync<DeadlineCancelled>(order.OrderId);
        Assert.Equal((DeadlineOwners.Dispatch, DeadlineKinds.OnSite), (cancelled.Owner, cancelled.Kind));
    }

    [Fact]
    public async Task Redelivered_order_is_planned_once()
    {
        var order = DispatchService.Order();

        await service.PublishAsync(order);
        await service.PublishAsync(order);
        await service.AwaitAsync<EngineerAssigned>(order.OrderId);
        await Task.Delay(500);

        Assert.Single(await service.PublishedAsync<EngineerAssigned>(order.OrderId));
        Assert.Single(await service.PublishedAsync<DeadlineSet>(order.OrderId));
    }

    [Fact]
    public async Task Orders_planned_at_the_same_time_never_share_an_engineers_slot()
    {
        var orders = Enumerable.Range(0, 6).Select(_ => DispatchService.Order()).ToList();

        await Task.WhenAll(orders.Select(o => service.PublishAsync(o)));

        var assigned = new List<EngineerAssigned>();
        foreach (var order in orders)
        {
            assigned.Add(await service.AwaitAsync<EngineerAssigned>(order.OrderId));
        }

        // Every repair visit in the seed takes at least an hour on site, so one engineer's arrivals lie an hour apart.
        foreach (var visits in assigned.GroupBy(a => a.EngineerId))
        {
            var arrivals = visits.Select(v => v.PlannedArrival).Order().ToList();
            Assert.All(arrivals.Zip(arrivals.Skip(1)), pair => Assert.True(pair.Second - pair.First >= TimeSpan.FromHours(1),
                $"{visits.Key}: {pair.First:O} and {pair.Second:O}"));
        }
    }
}
