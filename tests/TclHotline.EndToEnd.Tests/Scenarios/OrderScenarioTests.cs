using Grpc.Core;
using TclHotline.EndToEnd.Tests.Apis;
using TclHotline.EndToEnd.Tests.Harness;
using TclHotline.Grpc.Complaints.V1;
using TclHotline.Grpc.Dispatch.V1;
using TclHotline.Grpc.Intake.V1;
using TclHotline.Grpc.Sla.V1;
using TclHotline.Messages;
using TclHotline.Testing;
using Xunit;
using Xunit.Abstractions;

namespace TclHotline.EndToEnd.Tests.Scenarios;

/// <summary>
/// Service orders as customers live them: registered at intake, dispatched, watched by the SLA timer, and
/// raising complaints by themselves when promises fail. Only public gRPC APIs; time moved for every process.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class OrderScenarioTests(SystemUnderTest system, ITestOutputHelper output)
{
    private static readonly TimeSpan PastUrbanCommitment = TimeSpan.FromHours(25);
    private readonly HotlineCalls _calls = new(system);

    [RabbitMqFact]
    public Task Rule02_an_urban_repair_is_assigned_at_once_and_kept_within_24_hours() => Traced("urban repair kept", async () =>
    {
        var order = (await _calls.RegisterAsync(HotlineCalls.UrbanRepair())).Order;
        Assert.Equal(AreaKind.Urban, order.Area);
        var assigned = await _calls.DispatchOnceAsync(order.OrderId, d => d.CurrentVisit is not null, "an engineer assigned");
        Assert.Equal(CommitmentBasis.Urban, assigned.Commitment.Basis);
        Assert.Equal(order.RegisteredAt.ToDateTimeOffset().AddHours(24), assigned.Commitment.DueAt.ToDateTimeOffset());
        await _calls.DeadlineOnceAsync(order.OrderId, d => d.State == DeadlineState.Pending, "the on-site deadline watched");

        var visit = assigned.CurrentVisit;
        var engineer = _calls.EngineerApp(visit.EngineerId);
        var report = new VisitReport { OrderId = order.OrderId, VisitId = visit.VisitId, EngineerId = visit.EngineerId };
        system.Figures.Call(3);
        await engineer.AcceptVisitAsync(report);
        await engineer.ReportEnRouteAsync(new EnRouteReport { Report = report });
        var arrived = await engineer.ReportArrivalAsync(report);
        Assert.True(arrived.OnTime);

        await _calls.DeadlineOnceAsync(order.OrderId, d => d.State == DeadlineState.Met, "the deadline met");
        await system.AdvanceClockAsync(PastUrbanCommitment);
        await Task.Delay(TimeSpan.FromSeconds(3)); // time for a wrong breach to be published and consumed
        var after = await _calls.DeadlineOnceAsync(order.OrderId, _ => true, "the deadline");
        Assert.Equal(DeadlineState.Met, after.State);
        Assert.Null(after.BreachedAt);
        var kept = await _calls.DispatchOnceAsync(order.OrderId, _ => true, "the order");
        Assert.Equal(CommitmentState.Met, kept.State);
    });

    [RabbitMqFact]
    public Task Rule21_an_urban_order_nobody_can_reach_is_escalated_at_once_then_breached_and_raises_a_complaint() => Traced("urban order unreachable", async () =>
    {
        var order = (await _calls.RegisterAsync(HotlineCalls.UnreachableUrbanRepair())).Order;
        var escalated = await _calls.DispatchOnceAsync(order.OrderId, d => d.Escalations.Count > 0, "the order escalated at once");
        Assert.Null(escalated.CurrentVisit);
        Assert.Equal(CommitmentState.AtRisk, escalated.State);

        await system.AdvanceClockAsync(PastUrbanCommitment);
        var breached = await _calls.DeadlineOnceAsync(order.OrderId, d => d.State == DeadlineState.Breached, "the deadline breached", TimeSpan.FromSeconds(60));
        Assert.NotNull(breached.BreachedAt);
        await _calls.DispatchOnceAsync(order.OrderId, d => d.State == CommitmentState.Breached, "dispatch told of the breach");
        var complaint = await RaisedComplaintAsync(escalated.BranchCode, order.OrderId, ComplaintSource.CommitmentBreached);
        Assert.Equal(order.OrderNumber, complaint.OrderNumber);
    });

    [RabbitMqFact]
    public Task Rule02_a_remote_order_gets_an_appointment_whose_window_end_is_the_commitment() => Traced("remote appointment", async () =>
    {
        var order = (await _calls.RegisterAsync(HotlineCalls.RemoteRepair())).Order;
        Assert.Equal(AreaKind.Remote, order.Area);
        var awaiting = await _calls.DispatchOnceAsync(order.OrderId, d => d.AwaitingAppointment, "the order awaiting an appointment");
        Assert.Null(awaiting.Commitment);

        system.Figures.Call(2);
        var proposed = await _calls.Dispatcher.ProposeAppointmentsAsync(new ProposeAppointmentsRequest { OrderId = order.OrderId });
        Assert.True(proposed.Slots.Count > 0, proposed.NoneReason);
        var slot = proposed.Slots[0];
        var booked = await _calls.Dispatcher.BookAppointmentAsync(new BookAppointmentRequest
        {
            OrderId = order.OrderId,
            WindowStart = slot.WindowStart,
            IdempotencyKey = "book-" + HotlineCalls.Unique(),
        });
        Assert.Equal(CommitmentBasis.Appointment, booked.Commitment.Basis);
        Assert.Equal(slot.WindowEnd, booked.Commitment.DueAt);
        Assert.Equal(slot.EngineerId, booked.CurrentVisit.EngineerId);
        var deadline = await _calls.DeadlineOnceAsync(order.OrderId, d => d.State == DeadlineState.Pending, "the appointment watched");
        Assert.Equal(slot.WindowEnd, deadline.DueAt);
    });

    [RabbitMqFact]
    public Task Rule21_a_caller_chasing_an_open_order_three_times_raises_one_complaint() => Traced("repeat caller", async () =>
    {
        var ordersBefore = await _calls.CountOrdersAsync();
        var first = await _calls.RegisterAsync(HotlineCalls.UrbanRepair());
        var order = first.Order;
        var chase = HotlineCalls.UrbanRepair(first.Order.CallerNumber, first.Order.SerialNumber);
        for (var i = 1; i <= 4; i++)
        {
            chase.IdempotencyKey = "chase-" + HotlineCalls.Unique();
            chase.CallId = "pbx-" + HotlineCalls.Unique();
            var reply = await _calls.RegisterAsync(chase);
            Assert.True(reply.RepeatCall);
            Assert.Equal(order.OrderNumber, reply.Order.OrderNumber);
            Assert.Equal(i, reply.RepeatCount);
        }

        var branch = (await _calls.DispatchOnceAsync(order.OrderId, _ => true, "the order at dispatch")).BranchCode;
        var complaint = await RaisedComplaintAsync(branch, order.OrderId, ComplaintSource.RepeatCalls);
        await Task.Delay(TimeSpan.FromSeconds(2)); // a fourth chase must add to it, never open another
        var all = (await new ComplaintDeskCalls(system).ListAsync(branch)).Where(c => c.OrderId == order.OrderId).ToList();
        Assert.Single(all);
        Assert.Equal(complaint.ComplaintId, all[0].ComplaintId);
        Assert.Equal(ordersBefore + 1, await _calls.CountOrdersAsync());
    });

    [RabbitMqFact]
    public Task Rule08_the_third_fault_report_after_two_completed_repairs_makes_the_unit_eligible_for_exchange() => Traced("third fault", async () =>
    {
        var unit = HotlineCalls.UrbanRepair();
        var decisions = new List<WarrantyDecision>();
        for (var report = 1; report <= 3; report++)
        {
            unit.IdempotencyKey = "fault-" + HotlineCalls.Unique();
            unit.CallId = "pbx-" + HotlineCalls.Unique();
            var order = (await _calls.RegisterAsync(unit)).Order;
            decisions.Add(order.Warranty);
            if (report == 3)
                break;
            // Repaired and closed before the next fault: a call about an open order would be a repeat call.
            var visit = (await _calls.DispatchOnceAsync(order.OrderId, d => d.CurrentVisit is not null, "an engineer assigned")).CurrentVisit;
            var engineer = _calls.EngineerApp(visit.EngineerId);
            var done = new VisitReport { OrderId = order.OrderId, VisitId = visit.VisitId, EngineerId = visit.EngineerId };
            system.Figures.Call(2);
            await engineer.ReportArrivalAsync(done);
            await engineer.CompleteVisitAsync(new CompleteVisitRequest
            {
                Report = done, SerialNumber = order.SerialNumber, IdempotencyKey = "repair-" + HotlineCalls.Unique(),
                Completion = new Completion { Repaired = true, FaultFound = "T-CON board", PartsReplaced = { "T-CON" } },
            });
            await Eventually.Until(() => _calls.IntakeAdmin.GetServiceOrderAsync(new GetServiceOrderRequest { OrderNumber = order.OrderNumber }).ResponseAsync,
                o => o.Status == OrderStatus.Completed, TimeSpan.FromSeconds(45), "the repair completed at intake");
        }

        Assert.All(decisions, d => Assert.True(d.InWarranty));
        Assert.Equal([false, false, true], decisions.Select(d => d.ExchangeEligible).ToArray());
        Assert.Equal(3, decisions[2].FaultReportsInPeriod);
    });

    [RabbitMqFact]
    public Task Rule02_a_remote_order_nobody_books_breaches_its_booking_deadline_escalates_and_raises_a_complaint() => Traced("remote order never booked", async () =>
    {
        var order = (await _calls.RegisterAsync(HotlineCalls.RemoteRepair())).Order;
        var awaiting = await _calls.DispatchOnceAsync(order.OrderId, d => d.AwaitingAppointment && d.BookingDueAt is not null, "the order awaiting a booking");
        Assert.Equal(order.RegisteredAt.ToDateTimeOffset().AddHours(24), awaiting.BookingDueAt.ToDateTimeOffset());
        Assert.Equal(CommitmentState.OnTrack, awaiting.BookingState);
        Assert.Equal("浏阳市", awaiting.DistrictName);
        var watched = await _calls.DeadlineOnceAsync(order.OrderId, d => d.State == DeadlineState.Pending, "the booking deadline watched",
            kind: DeadlineKinds.Booking);
        Assert.Equal(awaiting.BookingDueAt, watched.DueAt);

        await system.AdvanceClockAsync(PastUrbanCommitment);
        var breached = await _calls.DeadlineOnceAsync(order.OrderId, d => d.State == DeadlineState.Breached, "the booking deadline breached",
            TimeSpan.FromSeconds(60), DeadlineKinds.Booking);
        Assert.NotNull(breached.BreachedAt);
        var escalated = await _calls.DispatchOnceAsync(order.OrderId,
            d => d.BookingState == CommitmentState.Breached && d.Escalations.Count > 0, "dispatch escalated the missed booking");
        Assert.Contains("booking", Assert.Single(escalated.Escalations).Reason);
        Assert.Equal(CommitmentState.Breached, escalated.State);
        var complaint = await RaisedComplaintAsync(escalated.BranchCode, order.OrderId, ComplaintSource.CommitmentBreached);
        Assert.Equal(order.OrderNumber, complaint.OrderNumber);
    });

    [RabbitMqFact]
    public Task An_order_cancelled_before_dispatch_saw_its_opening_is_never_planned() => Traced("cancelled before opening", async () =>
    {
        // Dispatch is down while the order is registered and cancelled; its opening is then held back on
        // dispatch's queue until dispatch has handled the cancellation: the two arrive the wrong way round.
        await system.Dispatch.KillAsync();
        ServiceOrder order;
        try
        {
            order = (await _calls.RegisterAsync(HotlineCalls.UrbanRepair())).Order;
            await using var opening = await HeldMessage.TakeAsync(system.Broker.Port, "dispatch-service-order-opened", order.OrderId,
                TimeSpan.FromSeconds(30));
            await _calls.IntakeAdmin.CancelServiceOrderAsync(new CancelServiceOrderRequest
            {
                OrderNumber = order.OrderNumber, Reason = "customer fixed it", CancelledBy = "A0042",
            });
            // Intake's relay publishes the cancellation a moment later: an empty queue before then would say nothing.
            await Eventually.Until(() => system.Broker.MessagesInAsync("dispatch-service-order-cancelled"), n => n >= 1,
                TimeSpan.FromSeconds(30), "the cancellation waiting on dispatch's queue");
            await system.Dispatch.StartAsync();
            await Eventually.Until(() => system.Broker.MessagesInAsync("dispatch-service-order-cancelled"), n => n == 0,
                TimeSpan.FromSeconds(45), "dispatch to handle the cancellation");
            await opening.ReturnAsync();
        }
        finally
        {
            if (!system.Dispatch.IsRunning)
            {
                await system.Dispatch.StartAsync();
            }
        }

        var cancelled = await _calls.DispatchOnceAsync(order.OrderId, d => d.Cancelled, "the order recorded as cancelled");
        Assert.Null(cancelled.CurrentVisit);
        Assert.Null(cancelled.Commitment);
        Assert.Empty(cancelled.Escalations);
        await system.AdvanceClockAsync(PastUrbanCommitment);
        await Task.Delay(TimeSpan.FromSeconds(3)); // time for a wrong deadline, breach or complaint to show
        await Assert.ThrowsAsync<RpcException>(() => _calls.Sla.GetDeadlineAsync(new GetDeadlineRequest
        {
            Owner = DeadlineOwners.Dispatch, SubjectId = order.OrderId, Kind = DeadlineKinds.OnSite,
        }).ResponseAsync);
        var board = await _calls.Dispatcher.GetBoardAsync(new GetBoardRequest { BranchCode = cancelled.BranchCode });
        Assert.DoesNotContain(board.Entries, e => e.OrderId == order.OrderId);
        Assert.DoesNotContain((await new ComplaintDeskCalls(system).ListAsync(cancelled.BranchCode)), c => c.OrderId == order.OrderId);
    });

    private async Task<Complaint> RaisedComplaintAsync(string branch, string orderId, ComplaintSource source)
    {
        var desk = new ComplaintDeskCalls(system);
        var raised = await Eventually.Until(
            async () => (await desk.ListAsync(branch)).Where(c => c.OrderId == orderId).ToList(),
            list => list.Count > 0,
            TimeSpan.FromSeconds(45),
            $"a complaint raised for order {orderId}");
        Assert.Single(raised);
        Assert.Equal(source, raised[0].Source);
        return raised[0];
    }

    private Task Traced(string scenario, Func<Task> body) => ScenarioTrace.RunAsync(system, output, scenario, body);
}
