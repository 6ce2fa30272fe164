using Grpc.Core;
using TclHotline.Dispatch.Tests.Support;
using TclHotline.Messages;
using TclHotline.Messages.Dispatch;
using TclHotline.Messages.Intake;
using TclHotline.Messages.Sla;
using TclHotline.ServiceDefaults.Security;
using TclHotline.Testing;
using Proto = TclHotline.Grpc.Dispatch.V1;

namespace TclHotline.Dispatch.Tests.Functional;

/// <summary>
/// Promises that cannot be dodged, through the bus and gRPC of a running module: a remote order's booking
/// deadline, a cancellation that overtakes its order, reports on the server's clock, arrivals before the window.
/// </summary>
public class PromiseTests(DispatchService service) : IClassFixture<DispatchService>
{
    // Liuyang (430181) is outside the city: remote, served from CS-YH.
    private const string RemoteDistrict = "430181";

    [Fact]
    public async Task Rule02_remote_order_gets_a_booking_deadline_24_hours_from_registration_that_booking_meets()
    {
        // Instants are stored in milliseconds.
        var registered = DateTimeOffset.FromUnixTimeMilliseconds(TestClock.Now.ToUnixTimeMilliseconds());
        var order = DispatchService.Order(district: RemoteDistrict, urban: false, registeredAt: registered) with { DistrictName = "浏阳市" };

        await service.PublishAsync(order);

        var deadline = await service.AwaitAsync<DeadlineSet>(order.OrderId);
        Assert.Equal((DeadlineOwners.Dispatch, order.OrderId.ToString(), DeadlineKinds.Booking, "CS"),
            (deadline.Owner, deadline.SubjectId, deadline.Kind, deadline.BranchCode));
        Assert.Equal((order.RegisteredAt, order.RegisteredAt.AddHours(24)), (deadline.StartsAt, deadline.DueAt));
        var waiting = await service.OrderAsync(order.OrderId);
        Assert.True(waiting.AwaitingAppointment);
        Assert.Equal(order.RegisteredAt.AddHours(24), waiting.BookingDueAt.ToDateTimeOffset());
        Assert.Equal(Proto.CommitmentState.OnTrack, waiting.BookingState);
        var entry = (await service.Dispatch().GetBoardAsync(new Proto.GetBoardRequest { BranchCode = "CS" })).Entries
            .Single(e => e.OrderId == order.OrderId.ToString());
        Assert.True(entry.AwaitingBooking);
        Assert.Equal(order.RegisteredAt.AddHours(24), entry.BookingDueAt.ToDateTimeOffset());
        Assert.InRange(entry.SecondsLeft, 23 * 3600, 24 * 3600);
        Assert.Equal("浏阳市", entry.DistrictName);

        var agent = service.Dispatch(HotlineRoles.Agent);
        var slot = (await agent.ProposeAppointmentsAsync(new Proto.ProposeAppointmentsRequest { OrderId = order.OrderId.ToString() })).Slots[0];
        var booked = await agent.BookAppointmentAsync(new Proto.BookAppointmentRequest { OrderId = order.OrderId.ToString(), WindowStart = slot.WindowStart });

        var met = await service.AwaitAsync<DeadlineMet>(order.OrderId);
        Assert.Equal(DeadlineKinds.Booking, met.Kind);
        var onSite = await service.AwaitAsync<DeadlineSet>(order.OrderId, count: 2);
        Assert.Equal((DeadlineKinds.OnSite, slot.WindowEnd.ToDateTimeOffset()), (onSite.Kind, onSite.DueAt));
        Assert.Equal(Proto.CommitmentState.Met, booked.BookingState);
        Assert.False(booked.AwaitingAppointment);
    }

    [Fact]
    public async Task Rule02_booking_deadline_breach_escalates_to_the_branch_service_director_and_shows_breached()
    {
        var order = DispatchService.Order(district: RemoteDistrict, urban: false);
        await service.PublishAsync(order);
        var deadline = await service.AwaitAsync<DeadlineSet>(order.OrderId);

        await service.PublishAsync(new DeadlineWarned(Guid.NewGuid(), DeadlineOwners.Dispatch, order.OrderId.ToString(), DeadlineKinds.Booking,
            "CS", 0.8, deadline.DueAt, TestClock.Now));
        await Eventually.Until(() => service.OrderAsync(order.OrderId), o => o.BookingState == Proto.CommitmentState.Warned,
            TimeSpan.FromSeconds(15), "the booking deadline warned");
        await service.PublishAsync(new DeadlineBreached(Guid.NewGuid(), DeadlineOwners.Dispatch, order.OrderId.ToString(), DeadlineKinds.Booking,
            "CS", deadline.DueAt, deadline.DueAt, TimeSpan.Zero));

        var escalated = await service.AwaitAsync<DispatchEscalated>(order.OrderId);
        Assert.Equal(("CS", "周建国", DeadlineKinds.Booking, deadline.DueAt), (escalated.BranchCode, escalated.ServiceDirector, escalated.Deadline, escalated.CommitmentDue));
        Assert.Contains("booking", escalated.Reason);
        var breached = await service.OrderAsync(order.OrderId);
        Assert.Equal((Proto.CommitmentState.Breached, Proto.CommitmentState.Breached), (breached.BookingState, breached.State));
        Assert.Single(breached.Escalations);
        var entry = (await service.Dispatch().GetBoardAsync(new Proto.GetBoardRequest { BranchCode = "CS" })).Entries
            .Single(e => e.OrderId == order.OrderId.ToString());
        Assert.Equal(Proto.CommitmentState.Breached, entry.State);
        Assert.True(entry.AwaitingBooking);
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(false, true)]
    [InlineData(true, false)]
    [InlineData(false, false)]
    public async Task Cancellation_before_or_after_the_opening_leaves_the_order_cancelled_with_no_deadline_running(bool cancelFirst, bool urban)
    {
        var order = urban ? DispatchService.Order() : DispatchService.Order(district: RemoteDistrict, urban: false);
        var cancel = new ServiceOrderCancelled(order.OrderId, order.OrderNumber, "CS", "customer fixed it", "agent", TestClock.Now);

        if (cancelFirst)
        {
            await service.PublishAsync(cancel);
            await Task.Delay(300); // the cancellation is consumed first
            await service.PublishAsync(order);
        }
        else
        {
            await service.PublishAsync(order);
            await service.AwaitAsync<DeadlineSet>(order.OrderId);
            await service.PublishAsync(cancel);
        }

        var cancelled = await Eventually.Until(() => TryOrderAsync(order.OrderId), o => o is { Cancelled: true },
            TimeSpan.FromSeconds(15), "the order cancelled");
        Assert.Null(cancelled!.CurrentVisit);
        var board = await service.Dispatch().GetBoardAsync(new Proto.GetBoardRequest { BranchCode = "CS" });
        Assert.DoesNotContain(board.Entries, e => e.OrderId == order.OrderId.ToString());
        var set = await service.PublishedAsync<DeadlineSet>(order.OrderId);
        var ended = await service.PublishedAsync<DeadlineCancelled>(order.OrderId);
        if (cancelFirst)
        {
            // Never planned, never given a deadline: nothing can breach or raise a complaint.
            await Task.Delay(500);
            Assert.Empty(set);
            Assert.Empty(ended);
            Assert.Empty(await service.PublishedAsync<EngineerAssigned>(order.OrderId));
            Assert.Empty(await service.PublishedAsync<DispatchEscalated>(order.OrderId));
        }
        else
        {
            Assert.Equal(set.Select(s => s.Kind), ended.Select(c => c.Kind));
            Assert.Equal(urban ? DeadlineKinds.OnSite : DeadlineKinds.Booking, Assert.Single(ended).Kind);
        }
    }

    [Fact]
    public async Task Engineer_time_more_than_5_minutes_before_the_server_is_refused_and_nothing_stored()
    {
        var (order, visit) = await AssignedAsync();
        var engineer = service.Dispatch(HotlineRoles.Engineer, "CS", visit.EngineerId);

        var refused = await Assert.ThrowsAsync<RpcException>(() =>
            engineer.ReportArrivalAsync(Report(order, visit, TestClock.Now.AddMinutes(-10))).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Contains("at", refused.Status.Detail);
        Assert.Equal(Proto.VisitStatus.Assigned, (await service.OrderAsync(order.OrderId)).CurrentVisit.Status);
        Assert.Empty(await service.PublishedAsync<EngineerArrived>(order.OrderId));

        // Within the tolerance the engineer's own time stands.
        var at = TestClock.Now.AddMinutes(-2);
        var arrived = await engineer.ReportArrivalAsync(Report(order, visit, at));
        Assert.Equal(at.ToUnixTimeMilliseconds(), arrived.ArrivedAt.ToDateTimeOffset().ToUnixTimeMilliseconds());
    }

    [Fact]
    public async Task Dispatcher_records_a_past_time_only_with_a_reason_and_it_is_audited()
    {
        var (order, visit) = await AssignedAsync();
        var dispatcher = service.Dispatch(HotlineRoles.Dispatcher);
        var at = TestClock.Now.AddHours(-1);

        var refused = await Assert.ThrowsAsync<RpcException>(() => dispatcher.ReportArrivalAsync(Report(order, visit, at)).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Contains("reason", refused.Status.Detail);
        Assert.Empty(await service.PublishedAsync<EngineerArrived>(order.OrderId));

        var report = Report(order, visit, at);
        report.Reason = "engineer's phone had no signal on site; customer confirmed the time";
        var arrived = await dispatcher.ReportArrivalAsync(report);

        Assert.Equal(at.ToUnixTimeMilliseconds(), arrived.ArrivedAt.ToDateTimeOffset().ToUnixTimeMilliseconds());
        var audit = new TclHotline.Grpc.Audit.V1.AuditTrail.AuditTrailClient(service.Host.ChannelAs(HotlineRoles.Administrator));
        var entries = (await audit.ListAuditEntriesAsync(new TclHotline.Grpc.Audit.V1.ListAuditEntriesRequest
        {
            Service = "dispatch", Action = "dispatch.PastTimeRecorded", SubjectId = visit.VisitId.ToString(),
        })).Entries;
        var entry = Assert.Single(entries);
        Assert.Contains("no signal", entry.AfterJson);
        Assert.Contains("ReportArrival", entry.AfterJson);
    }

    [Fact]
    public async Task Arrival_before_the_booked_window_is_recorded_early_on_the_visit_and_the_board()
    {
        var order = DispatchService.Order(district: RemoteDistrict, urban: false);
        await service.PublishAsync(order);
        await service.AwaitAsync<DeadlineSet>(order.OrderId);
        var booked = await service.BookLatestSlotAsync(order.OrderId);
        var visit = booked.CurrentVisit;
        var opens = booked.Commitment.NotBefore.ToDateTimeOffset();
        Assert.True(opens > TestClock.Now.AddMinutes(1), $"window opens {opens:O}");

        var arrived = await service.Dispatch(HotlineRoles.Engineer, "CS", visit.EngineerId).ReportArrivalAsync(new Proto.VisitReport
        {
            OrderId = order.OrderId.ToString(), VisitId = visit.VisitId, EngineerId = visit.EngineerId,
        });

        Assert.True(arrived.ArrivedEarly);
        Assert.True(arrived.ArrivedAt.ToDateTimeOffset() < opens);
        Assert.True((await service.AwaitAsync<EngineerArrived>(order.OrderId)).Early);
        var entry = (await service.Dispatch().GetBoardAsync(new Proto.GetBoardRequest { BranchCode = "CS" })).Entries
            .Single(e => e.OrderId == order.OrderId.ToString());
        Assert.True(entry.ArrivedEarly);
    }

    private async Task<Proto.OrderDispatch?> TryOrderAsync(Guid orderId)
    {
        try
        {
            return await service.OrderAsync(orderId);
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
        {
            return null;
        }
    }

    private async Task<(ServiceOrderOpened Order, EngineerAssigned Visit)> AssignedAsync()
    {
        var order = DispatchService.Order();
        await service.PublishAsync(order);
        return (order, await service.AwaitAsync<EngineerAssigned>(order.OrderId));
    }

    private static Proto.VisitReport Report(ServiceOrderOpened order, EngineerAssigned visit, DateTimeOffset at) => new()
    {
        OrderId = order.OrderId.ToString(), VisitId = visit.VisitId.ToString(), EngineerId = visit.EngineerId, At = Clients.Stamp(at),
    };
}
