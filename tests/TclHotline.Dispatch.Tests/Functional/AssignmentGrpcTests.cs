using Grpc.Core;
using TclHotline.Dispatch.Domain.Network;
using TclHotline.Dispatch.Tests.Support;
using TclHotline.Messages.Dispatch;
using TclHotline.Messages.Sla;
using TclHotline.Testing;
using Proto = TclHotline.Grpc.Dispatch.V1;

namespace TclHotline.Dispatch.Tests.Functional;

/// <summary>Overrides, appointments, reschedules and roster changes, over gRPC against a running module.</summary>
public class AssignmentGrpcTests(DispatchService service) : IClassFixture<DispatchService>
{
    private static readonly BranchClock Changsha = new(TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));

    [Fact]
    public async Task Override_is_checked_for_coverage_unknown_engineer_and_shift_and_changes_nothing_when_refused()
    {
        var order = await AssignedOrderAsync();
        var before = await service.OrderAsync(order.OrderId);
        var dispatch = service.Dispatch();
        // CS-E04 works from CS-YL, which does not cover Furong (430102); CS-E01 works 08:00-18:00.
        var night = Changsha.Instant(Changsha.LocalDate(TestClock.Now).AddDays(1), new TimeOnly(3, 0));

        var coverage = await Refused(dispatch, order.OrderId, "CS-E04");
        var unknown = await Refused(dispatch, order.OrderId, "CS-E77");
        var outsideShift = await Refused(dispatch, order.OrderId, "CS-E01", night);

        Assert.Contains("does not cover district 430102", coverage.Status.Detail);
        Assert.Contains("engineer CS-E77 is unknown", unknown.Status.Detail);
        Assert.Contains("planned_arrival", outsideShift.Status.Detail);
        Assert.Contains("OutsideShift", outsideShift.Status.Detail);
        var after = await service.OrderAsync(order.OrderId);
        Assert.Equal(before.CurrentVisit.VisitId, after.CurrentVisit.VisitId);
        Assert.Single(await service.PublishedAsync<EngineerAssigned>(order.OrderId));
    }

    [Fact]
    public async Task Override_to_a_covering_engineer_reassigns_the_visit()
    {
        var one = await service.CreateRoundTheClockEngineerAsync("CS-T01");
        var other = await service.CreateRoundTheClockEngineerAsync("CS-T04");
        var order = await AssignedOrderAsync();
        var first = await service.OrderAsync(order.OrderId);
        var target = first.CurrentVisit.EngineerId == one.EngineerId ? other.EngineerId : one.EngineerId;

        var result = await service.Dispatch().AssignEngineerAsync(new Proto.AssignEngineerRequest
        {
            OrderId = order.OrderId.ToString(), EngineerId = target, Reason = "customer knows this engineer",
        });

        Assert.Equal(target, result.CurrentVisit.EngineerId);
        Assert.Equal(Proto.AssignedBy.Override, result.CurrentVisit.AssignedBy);
        Assert.Contains(result.EarlierVisits, v => v.VisitId == first.CurrentVisit.VisitId && v.Status == Proto.VisitStatus.Reassigned);
        Assert.Equal("Override", (await service.AwaitAsync<EngineerAssigned>(order.OrderId, count: 2)).AssignedBy);
    }

    [Fact]
    public async Task Rule02_remote_order_waits_for_an_appointment_whose_window_becomes_the_commitment()
    {
        // Liuyang (430181) is outside the city: remote, served from CS-YH 90 minutes away.
        var order = DispatchService.Order(district: "430181", urban: false);
        await service.PublishAsync(order);
        var waiting = await Eventually(() => service.OrderAsync(order.OrderId));
        Assert.True(waiting.AwaitingAppointment);
        Assert.Null(waiting.CurrentVisit);
        // Only the booking deadline runs until the appointment is booked.
        Assert.Equal(Messages.DeadlineKinds.Booking, (await service.AwaitAsync<DeadlineSet>(order.OrderId)).Kind);
        var dispatch = service.Dispatch(ServiceDefaults.Security.HotlineRoles.Agent);

        var proposal = await dispatch.ProposeAppointmentsAsync(new Proto.ProposeAppointmentsRequest { OrderId = order.OrderId.ToString() });
        Assert.NotEmpty(proposal.Slots);
        var slot = proposal.Slots[0];
        var booked = await dispatch.BookAppointmentAsync(new Proto.BookAppointmentRequest { OrderId = order.OrderId.ToString(), WindowStart = slot.WindowStart });

        Assert.Equal(slot.WindowEnd, booked.Commitment.DueAt);
        Assert.Equal(Proto.CommitmentBasis.Appointment, booked.Commitment.Basis);
        Assert.Equal(slot.EngineerId, booked.CurrentVisit.EngineerId);
        Assert.Equal(slot.WindowEnd.ToDateTimeOffset(), (await service.AwaitAsync<DeadlineSet>(order.OrderId, count: 2)).DueAt);
        Assert.Equal("Remote", (await service.AwaitAsync<AppointmentBooked>(order.OrderId)).Cause);
    }

    [Fact]
    public async Task Rule02_customer_reschedule_moves_the_commitment_and_outlet_reschedule_keeps_it()
    {
        var engineer = await service.CreateRoundTheClockEngineerAsync("CS-T02");
        var order = await AssignedOrderAsync();
        var dispatch = service.Dispatch();
        // On the round-the-clock engineer, a visit half an hour later always fits the shift.
        var current = await dispatch.AssignEngineerAsync(new Proto.AssignEngineerRequest { OrderId = order.OrderId.ToString(), EngineerId = engineer.EngineerId });
        var due = current.Commitment.DueAt;

        // The outlet moves the visit a little later (still before the commitment): the commitment stays.
        // The hour-long visit has to end inside the 00:00-23:59 shift, so late in the evening it goes to midnight.
        var outletTime = current.CurrentVisit.PlannedArrival.ToDateTimeOffset().AddMinutes(30);
        if (Changsha.LocalTime(outletTime).TimeOfDay > new TimeSpan(22, 30, 0))
        {
            outletTime = Changsha.StartOfDay(outletTime).AddDays(1);
        }

        var byOutlet = await dispatch.RescheduleVisitAsync(new Proto.RescheduleVisitRequest
        {
            OrderId = order.OrderId.ToString(), VisitId = current.CurrentVisit.VisitId, Cause = Proto.RescheduleCause.Outlet,
            NewStart = Clients.Stamp(outletTime),
        });
        Assert.Equal(due, byOutlet.Commitment.DueAt);
        Assert.Equal(Clients.Stamp(outletTime), byOutlet.CurrentVisit.PlannedArrival);
        Assert.Empty(await service.PublishedAsync<DeadlineMoved>(order.OrderId));

        // Customers name whole minutes; instants are stored to the millisecond.
        var customerTime = new DateTimeOffset(TestClock.Now.AddDays(2).Ticks / TimeSpan.TicksPerMinute * TimeSpan.TicksPerMinute, TimeSpan.Zero);
        var byCustomer = await dispatch.RescheduleVisitAsync(new Proto.RescheduleVisitRequest
        {
            OrderId = order.OrderId.ToString(), VisitId = byOutlet.CurrentVisit.VisitId, Cause = Proto.RescheduleCause.Customer,
            NewStart = Clients.Stamp(customerTime),
        });

        Assert.True(byCustomer.Commitment.CustomerCaused);
        Assert.Equal(due, byCustomer.Commitment.OriginalDueAt);
        var moved = await service.AwaitAsync<DeadlineMoved>(order.OrderId);
        Assert.Equal(("Customer", byCustomer.Commitment.DueAt.ToDateTimeOffset()), (moved.Cause, moved.NewDueAt));
    }

    [Fact]
    public async Task Deactivating_an_engineer_replans_their_visits_with_the_others()
    {
        var engineer = await service.CreateRoundTheClockEngineerAsync("CS-T03");
        var order = await AssignedOrderAsync();
        await service.Dispatch().AssignEngineerAsync(new Proto.AssignEngineerRequest { OrderId = order.OrderId.ToString(), EngineerId = engineer.EngineerId });

        var response = await service.Roster().DeactivateEngineerAsync(new Proto.DeactivateEngineerRequest { EngineerId = engineer.EngineerId, Reason = "left" });

        Assert.False(response.Engineer.Active);
        var replanned = Assert.Single(response.Replanned, r => r.OrderId == order.OrderId.ToString());
        var reassigned = replanned.CurrentVisit is { } v && v.EngineerId != engineer.EngineerId && v.AssignedBy == Proto.AssignedBy.Reassign;
        var escalated = replanned.Escalations.Count > 0 && replanned.State == Proto.CommitmentState.AtRisk;
        Assert.True(reassigned || escalated, replanned.ToString());

        // Roster changes and manual assignments are in the audit trail.
        var audit = new TclHotline.Grpc.Audit.V1.AuditTrail.AuditTrailClient(service.Host.ChannelAs(TclHotline.ServiceDefaults.Security.HotlineRoles.Administrator));
        var actions = (await audit.ListAuditEntriesAsync(new TclHotline.Grpc.Audit.V1.ListAuditEntriesRequest { Service = "dispatch", PageSize = 500 }))
            .Entries.Select(e => (e.Action, e.SubjectId)).ToList();
        Assert.Contains(("roster.create-engineer", engineer.EngineerId), actions);
        Assert.Contains(("roster.deactivate-engineer", engineer.EngineerId), actions);
        Assert.Contains(("dispatch.AssignEngineer", order.OrderId.ToString()), actions);
    }

    [Fact]
    public async Task Roster_refuses_an_engineer_of_an_unknown_outlet_and_another_branchs_dispatcher()
    {
        var bad = new Proto.Engineer
        {
            EngineerId = "CS-T09", Name = "x", OutletId = "NOPE", DailyCapacity = 3, Skills = { Proto.Skill.Repair },
            Shifts = { new Proto.Shift { Start = "08:00", End = "25:00" } },
            VisitDurations = { new Proto.VisitDuration { OrderType = Proto.OrderType.Repair, Minutes = 60 } },
        };

        var invalid = await Assert.ThrowsAsync<RpcException>(() =>
            service.Roster().CreateEngineerAsync(new Proto.CreateEngineerRequest { Engineer = bad }).ResponseAsync);
        var denied = await Assert.ThrowsAsync<RpcException>(() =>
            service.Roster(branch: "WH").DeactivateEngineerAsync(new Proto.DeactivateEngineerRequest { EngineerId = "CS-E01" }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, invalid.StatusCode);
        Assert.Contains("engineer.shifts[0].end", invalid.Status.Detail);
        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
        var network = await service.Roster().GetNetworkAsync(new Proto.GetNetworkRequest());
        Assert.Contains(network.Engineers, e => e.EngineerId == "CS-E01" && e.Active);
        Assert.DoesNotContain(network.Engineers, e => e.EngineerId == "CS-T09");
        Assert.DoesNotContain(network.Outlets, o => o.BranchCode == "WH");
    }

    private async Task<Messages.Intake.ServiceOrderOpened> AssignedOrderAsync()
    {
        var order = DispatchService.Order();
        await service.PublishAsync(order);
        await service.AwaitAsync<EngineerAssigned>(order.OrderId);
        return order;
    }

    private static async Task<RpcException> Refused(Proto.DispatchService.DispatchServiceClient dispatch, Guid orderId, string engineerId, DateTimeOffset? at = null)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => dispatch.AssignEngineerAsync(new Proto.AssignEngineerRequest
        {
            OrderId = orderId.ToString(), EngineerId = engineerId, PlannedArrival = at is { } a ? Clients.Stamp(a) : null,
        }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        return error;
    }

    private static Task<Proto.OrderDispatch> Eventually(Func<Task<Proto.OrderDispatch>> probe) =>
        Testing.Eventually.Until(async () =>
        {
            try { return await probe(); }
            catch (RpcException e) when (e.StatusCode == StatusCode.NotFound) { return null!; }
        }, o => o is not null, TimeSpan.FromSeconds(15), "the order to reach dispatch");
}
