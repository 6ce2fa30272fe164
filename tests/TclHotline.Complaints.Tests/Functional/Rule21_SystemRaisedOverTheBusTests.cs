using TclHotline.Complaints.Consumers;
using TclHotline.Complaints.Tests.Support;
using TclHotline.Grpc.Complaints.V1;
using TclHotline.Messages;
using TclHotline.Messages.Complaints;
using TclHotline.Messages.Intake;
using TclHotline.Messages.Sla;

namespace TclHotline.Complaints.Tests.Functional;

/// <summary>Rule 21 through the running service: breaches and repeat calls arrive on the bus and open complaints by themselves.</summary>
public sealed class Rule21_SystemRaisedOverTheBusTests(ComplaintsHost service) : IClassFixture<ComplaintsHost>
{
    private static readonly DateTimeOffset Due = DateTimeOffset.UtcNow.AddHours(-1);

    [Fact]
    public async Task Rule21_a_breached_on_site_commitment_opens_exactly_one_complaint_however_often_the_breach_arrives()
    {
        var orderId = Guid.NewGuid();
        await OpenOrderAsync(orderId);
        var seen = await service.HandledAsync(nameof(DeadlineBreachedConsumer));

        var breach = OnSiteBreach(orderId);
        await service.PublishAsync(breach);
        await service.PublishAsync(breach);
        await service.PublishAsync(OnSiteBreach(orderId));
        await service.WaitHandledAsync(nameof(DeadlineBreachedConsumer), seen + 3);

        var listed = Assert.Single(await service.ComplaintsOfOrderAsync(orderId));
        var complaint = await service.Handler().GetComplaintAsync(new GetComplaintRequest { ComplaintId = listed.ComplaintId });
        Assert.Equal(ComplaintSource.CommitmentBreached, complaint.Source);
        Assert.Equal(ComplaintCategory.LateOrMissedVisit, complaint.Category);
        Assert.Equal(ComplaintStatus.Filed, complaint.Status);
        Assert.Equal(Desk.Director, complaint.Owner);
        Assert.Equal("Li Wei", complaint.CustomerName);
        Assert.Equal("eng-21", complaint.EngineerId);
        Assert.Equal(2, complaint.Occurrences.Count);
        Assert.Contains(complaint.Occurrences, o => o.CauseId == breach.BreachId.ToString("D"));
        Assert.Single(await service.PublishedAsync<ComplaintFiled>(complaint.ComplaintId));
        var deadlines = await service.PublishedAsync<DeadlineSet>(complaint.ComplaintId);
        Assert.Equal([DeadlineKinds.Acknowledge, DeadlineKinds.Resolve], deadlines.Select(d => d.Kind).Order());
        Assert.All(deadlines, d => Assert.Equal(DeadlineOwners.Complaints, d.Owner));
    }

    [Fact]
    public async Task Rule21_a_breach_that_overtakes_the_order_opens_the_complaint_which_names_the_order_once_it_arrives()
    {
        var orderId = Guid.NewGuid();
        var seen = await service.HandledAsync(nameof(DeadlineBreachedConsumer));
        await service.PublishAsync(OnSiteBreach(orderId));
        await service.WaitHandledAsync(nameof(DeadlineBreachedConsumer), seen + 1);
        var early = Assert.Single(await service.ComplaintsOfOrderAsync(orderId));
        Assert.Equal("", (await service.Handler().GetComplaintAsync(new GetComplaintRequest { ComplaintId = early.ComplaintId })).OrderNumber);

        var opened = await service.HandledAsync(nameof(ServiceOrderOpenedConsumer));
        var order = ComplaintsHost.OrderOpened(orderId);
        await service.PublishAsync(order);
        await service.WaitHandledAsync(nameof(ServiceOrderOpenedConsumer), opened + 1);

        var complaint = await service.Handler().GetComplaintAsync(new GetComplaintRequest { ComplaintId = early.ComplaintId });
        Assert.Equal(order.OrderNumber, complaint.OrderNumber);
        Assert.Equal(order.CustomerName, complaint.CustomerName);
        Assert.Equal(order.CustomerPhone, complaint.CustomerPhone);
        Assert.Equal(order.SerialNumber, complaint.SerialNumber);
        Assert.Equal(ComplaintSource.CommitmentBreached, complaint.Source);
    }

    [Fact]
    public async Task Rule21_a_breach_that_is_not_an_on_site_commitment_opens_nothing()
    {
        var orderId = Guid.NewGuid();
        await OpenOrderAsync(orderId);
        var seen = await service.HandledAsync(nameof(DeadlineBreachedConsumer));

        await service.PublishAsync(OnSiteBreach(orderId) with { Kind = DeadlineKinds.Callback });
        await service.PublishAsync(OnSiteBreach(orderId) with { Owner = DeadlineOwners.Telephony });
        await service.WaitHandledAsync(nameof(DeadlineBreachedConsumer), seen + 2);

        Assert.Empty(await service.ComplaintsOfOrderAsync(orderId));
    }

    [Fact]
    public async Task Rule21_the_third_repeat_call_opens_one_complaint_and_a_fourth_joins_it()
    {
        var orderId = Guid.NewGuid();
        await OpenOrderAsync(orderId);
        var first = DateTimeOffset.UtcNow.AddHours(-20);
        var seen = await service.HandledAsync(nameof(RepeatCallLinkedConsumer));

        await service.PublishAsync(RepeatCall(orderId, first, 1));
        await service.PublishAsync(RepeatCall(orderId, first.AddHours(6), 2));
        await service.WaitHandledAsync(nameof(RepeatCallLinkedConsumer), seen + 2);
        Assert.Empty(await service.ComplaintsOfOrderAsync(orderId));

        await service.PublishAsync(RepeatCall(orderId, first.AddHours(12), 3));
        await service.WaitHandledAsync(nameof(RepeatCallLinkedConsumer), seen + 3);
        var raised = Assert.Single(await service.ComplaintsOfOrderAsync(orderId));
        Assert.Equal(ComplaintSource.RepeatCalls, raised.Source);

        await service.PublishAsync(RepeatCall(orderId, first.AddHours(18), 4));
        await service.WaitHandledAsync(nameof(RepeatCallLinkedConsumer), seen + 4);
        var joined = Assert.Single(await service.ComplaintsOfOrderAsync(orderId));
        Assert.Equal(raised.ComplaintId, joined.ComplaintId);
        var complaint = await service.Handler().GetComplaintAsync(new GetComplaintRequest { ComplaintId = joined.ComplaintId });
        Assert.Equal(4, complaint.Occurrences.Count);
        Assert.All(complaint.Occurrences, o => Assert.Equal(ComplaintSource.RepeatCalls, o.Source));
        Assert.Single(await service.PublishedAsync<ComplaintFiled>(complaint.ComplaintId));
    }

    [Fact]
    public async Task Rule21_the_third_repeat_call_opens_a_complaint_however_the_calls_are_spread_over_days()
    {
        var orderId = Guid.NewGuid();
        await OpenOrderAsync(orderId);
        var first = DateTimeOffset.UtcNow.AddDays(-5);
        var seen = await service.HandledAsync(nameof(RepeatCallLinkedConsumer));

        await service.PublishAsync(RepeatCall(orderId, first, 1));
        await service.PublishAsync(RepeatCall(orderId, first.AddDays(2), 2));
        await service.WaitHandledAsync(nameof(RepeatCallLinkedConsumer), seen + 2);
        Assert.Empty(await service.ComplaintsOfOrderAsync(orderId));

        await service.PublishAsync(RepeatCall(orderId, first.AddDays(4), 3));
        await service.WaitHandledAsync(nameof(RepeatCallLinkedConsumer), seen + 3);

        var raised = Assert.Single(await service.ComplaintsOfOrderAsync(orderId));
        Assert.Equal(ComplaintSource.RepeatCalls, raised.Source);
    }

    [Fact]
    public async Task Rule21_a_missed_booking_deadline_opens_a_complaint_by_itself()
    {
        var orderId = Guid.NewGuid();
        await OpenOrderAsync(orderId);
        var seen = await service.HandledAsync(nameof(DeadlineBreachedConsumer));

        await service.PublishAsync(OnSiteBreach(orderId) with { Kind = DeadlineKinds.Booking });
        await service.WaitHandledAsync(nameof(DeadlineBreachedConsumer), seen + 1);

        var listed = Assert.Single(await service.ComplaintsOfOrderAsync(orderId));
        var complaint = await service.Handler().GetComplaintAsync(new GetComplaintRequest { ComplaintId = listed.ComplaintId });
        Assert.Equal((ComplaintSource.CommitmentBreached, Desk.Director), (complaint.Source, complaint.Owner));
        Assert.Contains("no appointment booked", Assert.Single(complaint.Occurrences).Note);
        Assert.Equal([DeadlineKinds.Acknowledge, DeadlineKinds.Resolve],
            (await service.PublishedAsync<DeadlineSet>(complaint.ComplaintId)).Select(d => d.Kind).Order());
    }

    /// <summary>
    /// Rule 21, chosen: a breach or chase after the complaint of its cause was resolved or closed opens a new
    /// complaint with its own deadlines; one that comes while it is handled joins it. Both orders of events.
    /// </summary>
    [Theory]
    [InlineData("breach", true)]
    [InlineData("breach", false)]
    [InlineData("chase", true)]
    [InlineData("chase", false)]
    public async Task Rule21_a_breach_or_chase_after_the_complaint_is_resolved_opens_a_new_one_before_it_joins(string cause, bool resolvedFirst)
    {
        var orderId = Guid.NewGuid();
        await OpenOrderAsync(orderId);
        var consumer = cause == "breach" ? nameof(DeadlineBreachedConsumer) : nameof(RepeatCallLinkedConsumer);
        var seen = await service.HandledAsync(consumer);
        var first = DateTimeOffset.UtcNow.AddDays(-3);
        Func<int, Task> raise = cause == "breach"
            ? _ => service.PublishAsync(OnSiteBreach(orderId))
            : n => service.PublishAsync(RepeatCall(orderId, first.AddHours(n), n));
        var raising = cause == "breach" ? 1 : 3;
        for (var n = 1; n <= raising; n++)
        {
            await raise(n);
        }

        await service.WaitHandledAsync(consumer, seen + raising);
        var complaint = Assert.Single(await service.ComplaintsOfOrderAsync(orderId));

        if (resolvedFirst)
        {
            await ResolveAsync(complaint.ComplaintId);
            await raise(raising + 1);
        }
        else
        {
            await raise(raising + 1);
            await service.WaitHandledAsync(consumer, seen + raising + 1);
            await ResolveAsync(complaint.ComplaintId);
        }

        await service.WaitHandledAsync(consumer, seen + raising + 1);
        var all = await service.ComplaintsOfOrderAsync(orderId);
        var original = await service.Handler().GetComplaintAsync(new GetComplaintRequest { ComplaintId = complaint.ComplaintId });
        Assert.Equal(ComplaintStatus.Resolved, original.Status);
        if (resolvedFirst)
        {
            Assert.Equal(2, all.Count);
            Assert.Equal(raising, original.Occurrences.Count);
            var fresh = all.Single(c => c.ComplaintId != complaint.ComplaintId);
            Assert.Equal(ComplaintStatus.Filed, fresh.Status);
            Assert.Single((await service.Handler().GetComplaintAsync(new GetComplaintRequest { ComplaintId = fresh.ComplaintId })).Occurrences);
            Assert.Equal([DeadlineKinds.Acknowledge, DeadlineKinds.Resolve],
                (await service.PublishedAsync<DeadlineSet>(fresh.ComplaintId)).Select(d => d.Kind).Order());
        }
        else
        {
            Assert.Single(all);
            Assert.Equal(raising + 1, original.Occurrences.Count);
        }
    }

    private async Task ResolveAsync(string complaintId)
    {
        var desk = service.Handler();
        await desk.AcknowledgeAsync(new AcknowledgeRequest { ComplaintId = complaintId, AgentId = "handler-21" });
        await desk.StartInvestigationAsync(new StartInvestigationRequest { ComplaintId = complaintId, AgentId = "handler-21" });
        await desk.ResolveAsync(new ResolveRequest { ComplaintId = complaintId, Resolution = "engineer sent, fixed", AgentId = "handler-21" });
    }

    private async Task OpenOrderAsync(Guid orderId)
    {
        var opened = await service.HandledAsync(nameof(ServiceOrderOpenedConsumer));
        var assigned = await service.HandledAsync(nameof(EngineerAssignedConsumer));
        await service.PublishAsync(ComplaintsHost.OrderOpened(orderId));
        await service.PublishAsync(new TclHotline.Messages.Dispatch.EngineerAssigned(
            orderId, Guid.NewGuid(), "eng-21", "Wang Fang", "OUT-1", ComplaintsHost.Shenzhen, Due.AddHours(-2), Due, "Auto", Due.AddHours(-20)));
        await service.WaitHandledAsync(nameof(ServiceOrderOpenedConsumer), opened + 1);
        await service.WaitHandledAsync(nameof(EngineerAssignedConsumer), assigned + 1);
    }

    private static DeadlineBreached OnSiteBreach(Guid orderId) => new(
        Guid.NewGuid(), DeadlineOwners.Dispatch, orderId.ToString("D"), DeadlineKinds.OnSite, ComplaintsHost.Shenzhen, Due, Due, TimeSpan.Zero);

    private static RepeatCallLinked RepeatCall(Guid orderId, DateTimeOffset at, int count) => new(
        Guid.NewGuid(), orderId, "WO-" + orderId.ToString("N")[..8], ComplaintsHost.Shenzhen, "Li Wei", "13800138000", null, count, at);
}
