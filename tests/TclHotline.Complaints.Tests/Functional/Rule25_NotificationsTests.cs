using System.Text.Json;
using Grpc.Core;
using MimeKit;
using TclHotline.Complaints.Tests.Support;
using TclHotline.Grpc.Complaints.V1;
using TclHotline.Messages;
using TclHotline.Messages.Dispatch;
using TclHotline.Messages.Sla;
using TclHotline.ServiceDefaults.Security;
using TclHotline.Testing;

namespace TclHotline.Complaints.Tests.Functional;

/// <summary>
/// Rule 25 through the running service: escalations arrive on the bus, land in their owner's inbox (gRPC),
/// go out by e-mail to a real SMTP server and by webhook to a real HTTP receiver, and climb when nobody
/// acknowledges them in time (the SLA timer's breach arrives on the bus).
/// </summary>
public sealed class Rule25_NotificationsTests(NotificationsHost service) : IClassFixture<NotificationsHost>
{
    [Fact]
    public async Task Rule25_a_dispatch_escalation_reaches_the_directors_inbox_mailbox_and_group_robot_once()
    {
        var escalation = Escalation(Guid.NewGuid());
        await service.PublishAsync(escalation);
        await service.PublishAsync(escalation);

        var notice = Assert.Single(await service.NoticesEventuallyAsync(escalation.OrderId.ToString("D"), 1));
        Assert.Equal(NotificationKind.DispatchEscalated, notice.Kind);
        Assert.Equal(EscalationLevel.BranchServiceDirector, notice.Level);
        Assert.Equal(NotificationsHost.DirectorRole, notice.RecipientRole);
        Assert.Equal(Desk.Director, notice.Owner);
        Assert.Contains("no engineer can arrive before the commitment", notice.Body);
        Assert.Equal(TimeSpan.FromMinutes(20), notice.AcknowledgeDue.ToDateTimeOffset() - notice.CreatedAt.ToDateTimeOffset());

        var mail = MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(
            (await Eventually.Until(() => Task.FromResult(service.MailsOf(notice.NotificationId)), m => m.Count >= 1, what: "the director's mail"))[0])));
        Assert.Equal(NotificationsHost.DirectorMail, mail.To.Mailboxes.Single().Address);
        Assert.Contains(notice.Title, mail.Subject);
        Assert.Contains(notice.NotificationId, mail.TextBody);
        Assert.Contains(Desk.Director, mail.TextBody);

        var call = (await Eventually.Until(() => Task.FromResult(service.RobotCallsOf(notice.NotificationId)), c => c.Count >= 1, what: "the robot call"))[0];
        Assert.Equal("/robot/shenzhen", call.Path);
        using var json = JsonDocument.Parse(call.Body);
        Assert.Equal("text", json.RootElement.GetProperty("msgtype").GetString());
        Assert.Contains(notice.NotificationId, json.RootElement.GetProperty("text").GetProperty("content").GetString());

        var deadline = Assert.Single(await service.PublishedAsync<DeadlineSet>(notice.NotificationId));
        Assert.Equal(DeadlineOwners.Notifications, deadline.Owner);
        Assert.Equal(notice.NotificationId, deadline.SubjectId);
        Assert.Equal(notice.AcknowledgeDue.ToDateTimeOffset().ToUnixTimeMilliseconds(), deadline.DueAt.ToUnixTimeMilliseconds());

        await Task.Delay(1500); // past a retry round: nothing is sent twice
        Assert.Single(service.MailsOf(notice.NotificationId));
        Assert.Single(service.RobotCallsOf(notice.NotificationId));
    }

    [Fact]
    public async Task Rule25_a_notice_not_acknowledged_in_time_climbs_level_by_level_and_stops_at_the_top()
    {
        var escalation = Escalation(Guid.NewGuid());
        await service.PublishAsync(escalation);
        var first = Assert.Single(await service.NoticesEventuallyAsync(escalation.OrderId.ToString("D"), 1));

        await service.PublishAsync(Breach(first));
        await service.PublishAsync(Breach(first));
        var climbed = await service.NoticesEventuallyAsync(escalation.OrderId.ToString("D"), 2);
        Assert.Equal(2, climbed.Count);
        var second = climbed[1];
        Assert.Equal(second.NotificationId, climbed[0].ClimbedTo);
        Assert.Equal(EscalationLevel.RegionalServiceManager, second.Level);
        Assert.Equal(NotificationsHost.ManagerRole, second.RecipientRole);
        Assert.Equal(Desk.RegionalManager, second.Owner);
        Assert.Contains($"{Desk.Director} did not acknowledge it", second.Body);
        await Eventually.Until(() => Task.FromResult(service.MailsOf(second.NotificationId).Count == 1), what: "the manager's mail");
        Assert.Contains(NotificationsHost.ManagerMail, service.MailsOf(second.NotificationId)[0]);

        // The director can no longer acknowledge what went up; the manager sees it in their inbox.
        var late = await Assert.ThrowsAsync<RpcException>(() => service.InboxOf(NotificationsHost.DirectorRole)
            .AcknowledgeAsync(new AcknowledgeNotificationRequest { NotificationId = first.NotificationId }).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, late.StatusCode);
        var managerInbox = await service.InboxOf(NotificationsHost.ManagerRole).ListNotificationsAsync(new ListNotificationsRequest { OpenOnly = true, PageSize = 200 });
        Assert.Contains(managerInbox.Notifications, n => n.NotificationId == second.NotificationId);

        await service.PublishAsync(Breach(second));
        var top = (await service.NoticesEventuallyAsync(escalation.OrderId.ToString("D"), 3))[2];
        Assert.Equal(EscalationLevel.HeadquartersCustomerService, top.Level);
        Assert.Equal(Desk.Headquarters, top.Owner);
        Assert.Null(top.AcknowledgeDue);
        Assert.Empty(await service.PublishedAsync<DeadlineSet>(top.NotificationId));
    }

    [Fact]
    public async Task Rule25_an_acknowledged_notice_meets_its_deadline_and_a_late_breach_does_not_climb_it()
    {
        var escalation = Escalation(Guid.NewGuid());
        await service.PublishAsync(escalation);
        var notice = Assert.Single(await service.NoticesEventuallyAsync(escalation.OrderId.ToString("D"), 1));
        var inbox = service.InboxOf(NotificationsHost.DirectorRole);

        var acknowledged = await inbox.AcknowledgeAsync(new AcknowledgeNotificationRequest { NotificationId = notice.NotificationId });
        var again = await inbox.AcknowledgeAsync(new AcknowledgeNotificationRequest { NotificationId = notice.NotificationId });

        Assert.NotNull(acknowledged.AcknowledgedAt);
        Assert.Equal("test-user", acknowledged.AcknowledgedBy);
        Assert.Equal(acknowledged.AcknowledgedAt.ToDateTimeOffset().ToUnixTimeMilliseconds(), again.AcknowledgedAt.ToDateTimeOffset().ToUnixTimeMilliseconds());
        var met = Assert.Single(await service.PublishedAsync<DeadlineMet>(notice.NotificationId));
        Assert.Equal(DeadlineOwners.Notifications, met.Owner);
        Assert.DoesNotContain((await inbox.ListNotificationsAsync(new ListNotificationsRequest { OpenOnly = true, PageSize = 200 })).Notifications,
            n => n.NotificationId == notice.NotificationId);

        await service.PublishAsync(Breach(notice));
        await Task.Delay(1000);
        Assert.Single(await service.NoticesAboutAsync(escalation.OrderId.ToString("D")));
    }

    [Fact]
    public async Task Rule25_inboxes_are_scoped_to_the_callers_branch_and_role()
    {
        var escalation = Escalation(Guid.NewGuid());
        await service.PublishAsync(escalation);
        var notice = Assert.Single(await service.NoticesEventuallyAsync(escalation.OrderId.ToString("D"), 1));
        var request = new ListNotificationsRequest { PageSize = 200 };

        Assert.Contains((await service.InboxOf(NotificationsHost.DirectorRole).ListNotificationsAsync(request)).Notifications, n => n.NotificationId == notice.NotificationId);
        Assert.DoesNotContain((await service.InboxOf(NotificationsHost.DirectorRole, NotificationsHost.Beijing).ListNotificationsAsync(request)).Notifications, n => n.NotificationId == notice.NotificationId);
        Assert.DoesNotContain((await service.InboxOf(HotlineRoles.ComplaintHandler).ListNotificationsAsync(request)).Notifications, n => n.NotificationId == notice.NotificationId);
        Assert.DoesNotContain((await service.InboxOf(NotificationsHost.ManagerRole).ListNotificationsAsync(request)).Notifications, n => n.NotificationId == notice.NotificationId);

        var otherBranch = await Assert.ThrowsAsync<RpcException>(() => service.InboxOf(NotificationsHost.DirectorRole, NotificationsHost.Beijing)
            .AcknowledgeAsync(new AcknowledgeNotificationRequest { NotificationId = notice.NotificationId }).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, otherBranch.StatusCode);
        var otherRole = await Assert.ThrowsAsync<RpcException>(() => service.InboxOf(HotlineRoles.ComplaintHandler)
            .AcknowledgeAsync(new AcknowledgeNotificationRequest { NotificationId = notice.NotificationId }).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, otherRole.StatusCode);
        var askedForOtherBranch = await Assert.ThrowsAsync<RpcException>(() => service.InboxOf(NotificationsHost.DirectorRole)
            .ListNotificationsAsync(new ListNotificationsRequest { BranchCode = NotificationsHost.Beijing }).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, askedForOtherBranch.StatusCode);
        Assert.Null((await service.NoticesAboutAsync(escalation.OrderId.ToString("D")))[0].AcknowledgedAt);
    }

    [Fact]
    public async Task Rule25_the_watch_stream_sends_open_notices_first_then_each_new_one_of_the_callers_inbox_only()
    {
        var before = Escalation(Guid.NewGuid());
        await service.PublishAsync(before);
        var open = Assert.Single(await service.NoticesEventuallyAsync(before.OrderId.ToString("D"), 1));

        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var watch = service.InboxOf(NotificationsHost.DirectorRole).WatchNotifications(new WatchNotificationsRequest(), cancellationToken: cts.Token);
        var seen = new List<Notification>();
        var after = Escalation(Guid.NewGuid());
        var beijing = Escalation(Guid.NewGuid(), NotificationsHost.Beijing);
        var published = false;
        while (await watch.ResponseStream.MoveNext(cts.Token))
        {
            seen.Add(watch.ResponseStream.Current);
            if (!published && seen.Any(n => n.NotificationId == open.NotificationId))
            {
                published = true;
                await service.PublishAsync(beijing);
                await service.PublishAsync(after);
            }

            if (seen.Any(n => n.SubjectId == after.OrderId.ToString("D")))
            {
                break;
            }
        }

        Assert.DoesNotContain(seen, n => n.BranchCode != NotificationsHost.Shenzhen || n.RecipientRole != NotificationsHost.DirectorRole);
        Assert.DoesNotContain(seen, n => n.SubjectId == beijing.OrderId.ToString("D"));
    }

    [Fact]
    public async Task Rule25_a_new_complaint_reaches_the_director_and_an_escalated_one_the_regional_manager()
    {
        var filed = await service.DirectorsDesk().FileComplaintAsync(new FileComplaintRequest
        {
            CustomerName = "Wang Fang",
            CustomerPhone = "13900139000",
            BranchCode = NotificationsHost.Shenzhen,
            OrderNumber = "WO-2025-777",
            Category = ComplaintCategory.EngineerConduct,
            Description = "The engineer was rude",
            IdempotencyKey = Guid.NewGuid().ToString("N"),
            AgentId = Desk.Agent,
        });
        var first = Assert.Single(await service.NoticesEventuallyAsync(filed.ComplaintId, 1));
        Assert.Equal(NotificationKind.ComplaintFiled, first.Kind);
        Assert.Equal(Desk.Director, first.Owner);
        Assert.Contains(filed.ComplaintNumber, first.Title);

        await service.DirectorsDesk().EscalateAsync(new EscalateRequest { ComplaintId = filed.ComplaintId, Reason = "Customer asks for the manager", AgentId = Desk.Agent });
        var escalated = (await service.NoticesEventuallyAsync(filed.ComplaintId, 2))[1];
        Assert.Equal(NotificationKind.ComplaintEscalated, escalated.Kind);
        Assert.Equal(EscalationLevel.RegionalServiceManager, escalated.Level);
        Assert.Equal(Desk.RegionalManager, escalated.Owner);
        Assert.Contains("Customer asks for the manager", escalated.Body);
        await Eventually.Until(() => Task.FromResult(service.MailsOf(escalated.NotificationId).Count == 1), what: "the manager's mail");
    }

    [Fact]
    public async Task Rule25_a_complaint_acknowledged_at_the_desk_has_reached_its_owner_and_its_notice_does_not_climb()
    {
        var filed = await service.DirectorsDesk().FileComplaintAsync(new FileComplaintRequest
        {
            CustomerName = "Zhao Lei",
            CustomerPhone = "13700137000",
            BranchCode = NotificationsHost.Shenzhen,
            SerialNumber = "SN-" + Guid.NewGuid().ToString("N")[..10],
            Category = ComplaintCategory.FeeDispute,
            Description = "Charged for a repair in warranty",
            IdempotencyKey = Guid.NewGuid().ToString("N"),
            AgentId = Desk.Agent,
        });
        var notice = Assert.Single(await service.NoticesEventuallyAsync(filed.ComplaintId, 1));

        await service.DirectorsDesk().AcknowledgeAsync(new AcknowledgeRequest { ComplaintId = filed.ComplaintId, AgentId = "director-on-duty" });

        var acknowledged = await Eventually.Until(
            async () => (await service.NoticesAboutAsync(filed.ComplaintId))[0], n => n.AcknowledgedAt is not null, what: "the notice acknowledged");
        // Who acknowledged is the token's subject, never the request's agent_id.
        Assert.Equal("test-user", acknowledged.AcknowledgedBy);
        Assert.Single(await service.PublishedAsync<DeadlineMet>(notice.NotificationId));
        await service.PublishAsync(Breach(notice));
        await Task.Delay(1000);
        Assert.Single(await service.NoticesAboutAsync(filed.ComplaintId));
    }

    [Theory]
    [InlineData(DeadlineKinds.OnSite)]
    [InlineData("booking")]
    public async Task Rule25_a_breached_dispatch_deadline_reaches_the_director(string kind)
    {
        var orderId = Guid.NewGuid();
        var breach = new DeadlineBreached(Guid.NewGuid(), DeadlineOwners.Dispatch, orderId.ToString(), kind, NotificationsHost.Shenzhen,
            DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow, TimeSpan.FromSeconds(1));
        await service.PublishAsync(breach);
        await service.PublishAsync(breach);

        var notice = Assert.Single(await service.NoticesEventuallyAsync(orderId.ToString("D"), 1));
        Assert.Equal(NotificationKind.DispatchDeadlineBreached, notice.Kind);
        Assert.Contains(kind, notice.Title);
        Assert.Equal(Desk.Director, notice.Owner);
        // The counts in the timeout's message tell a slow delivery (0) from one sent twice (2).
        await Eventually.Until(() => Task.FromResult((Mails: service.MailsOf(notice.NotificationId).Count, RobotCalls: service.RobotCallsOf(notice.NotificationId).Count)),
            sent => sent == (1, 1), what: "the director's mail and robot call");
    }

    [Fact]
    public async Task Deliveries_wait_out_a_mail_server_and_robot_outage_and_are_sent_once_when_they_are_back()
    {
        string id;
        await service.Smtp.StopAsync();
        await service.Robot.StopAsync();
        try
        {
            var escalation = Escalation(Guid.NewGuid());
            await service.PublishAsync(escalation);
            id = Assert.Single(await service.NoticesEventuallyAsync(escalation.OrderId.ToString("D"), 1)).NotificationId;
            await Eventually.Until(async () => await service.FailedAttemptsAsync(id) >= 4, what: "failed attempts while the servers are down");
            Assert.Empty(service.MailsOf(id));
            Assert.Empty(service.RobotCallsOf(id));
        }
        finally
        {
            await service.Smtp.StartAsync();
            await service.Robot.StartAsync();
        }

        await SentOnceAsync(id);
    }

    [Fact]
    public async Task Deliveries_pending_when_the_service_stops_are_sent_once_after_it_starts_again()
    {
        List<string> ids = [];
        await service.Smtp.StopAsync();
        await service.Robot.StopAsync();
        try
        {
            for (var i = 0; i < 3; i++)
            {
                var escalation = Escalation(Guid.NewGuid());
                await service.PublishAsync(escalation);
                ids.Add(Assert.Single(await service.NoticesEventuallyAsync(escalation.OrderId.ToString("D"), 1)).NotificationId);
            }

            foreach (var id in ids)
            {
                await Eventually.Until(async () => await service.FailedAttemptsAsync(id) >= 2, what: "a failed attempt of each delivery");
            }
        }
        finally
        {
            await service.RestartAsync(async () =>
            {
                await service.Smtp.StartAsync();
                await service.Robot.StartAsync();
            });
        }

        foreach (var id in ids)
        {
            await SentOnceAsync(id);
        }
    }

    [Fact]
    public async Task Bad_requests_are_refused_naming_each_bad_field()
    {
        var inbox = service.InboxOf(NotificationsHost.DirectorRole);

        var acknowledge = await Assert.ThrowsAsync<RpcException>(() =>
            inbox.AcknowledgeAsync(new AcknowledgeNotificationRequest { NotificationId = "not-an-id" }).ResponseAsync);
        var list = await Assert.ThrowsAsync<RpcException>(() =>
            inbox.ListNotificationsAsync(new ListNotificationsRequest { PageSize = -1, PageToken = "yesterday" }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, acknowledge.StatusCode);
        Assert.Equal("notification_id", acknowledge.Trailers.GetValue("invalid-fields"));
        Assert.Equal(StatusCode.InvalidArgument, list.StatusCode);
        Assert.Equal("page_size,page_token", list.Trailers.GetValue("invalid-fields"));
        var unknown = await Assert.ThrowsAsync<RpcException>(() =>
            inbox.AcknowledgeAsync(new AcknowledgeNotificationRequest { NotificationId = Guid.NewGuid().ToString("D") }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, unknown.StatusCode);
    }

    private async Task SentOnceAsync(string id)
    {
        await Eventually.Until(() => Task.FromResult(service.MailsOf(id).Count >= 1 && service.RobotCallsOf(id).Count >= 1), what: $"the mail and robot call of {id}");
        await Task.Delay(2500); // several retry rounds
        Assert.Single(service.MailsOf(id));
        Assert.Single(service.RobotCallsOf(id));
    }

    private static DispatchEscalated Escalation(Guid orderId, string branch = NotificationsHost.Shenzhen) => new(
        Guid.NewGuid(), orderId, branch, Desk.Director, "no engineer can arrive before the commitment",
        DateTimeOffset.UtcNow.AddHours(3), DateTimeOffset.UtcNow);

    private static DeadlineBreached Breach(Notification n) => new(
        Guid.NewGuid(), DeadlineOwners.Notifications, n.NotificationId, DeadlineKinds.Acknowledge, n.BranchCode,
        n.AcknowledgeDue.ToDateTimeOffset(), n.AcknowledgeDue.ToDateTimeOffset(), TimeSpan.Zero);
}
