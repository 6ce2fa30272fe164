using System.Text.Json;
using TclHotline.EndToEnd.Tests.Apis;
using TclHotline.EndToEnd.Tests.Harness;
using TclHotline.Grpc.Complaints.V1;
using TclHotline.Grpc.Sla.V1;
using TclHotline.Messages;
using TclHotline.ServiceDefaults.Security;
using TclHotline.Testing;
using Xunit;
using Xunit.Abstractions;

namespace TclHotline.EndToEnd.Tests.Scenarios;

/// <summary>
/// Rule 25 across the processes: an escalation or breach in Dispatch and the SLA timer ends in the service
/// director's inbox, mailbox (a real SMTP server) and group robot (a real HTTP endpoint).
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class NotificationScenarioTests(SystemUnderTest system, ITestOutputHelper output)
{
    private const string DirectorRole = "service-director";
    private static readonly TimeSpan PastUrbanCommitment = TimeSpan.FromHours(25);
    private readonly HotlineCalls _calls = new(system);

    [RabbitMqFact]
    public async Task Rule25_an_urban_order_whose_commitment_breaches_reaches_the_director_by_inbox_mail_and_robot()
    {
        try
        {
            var order = (await _calls.RegisterAsync(HotlineCalls.UnreachableUrbanRepair())).Order;
            var escalated = await _calls.DispatchOnceAsync(order.OrderId, d => d.Escalations.Count > 0, "the order escalated at once");
            var branch = escalated.BranchCode;
            var atRisk = await NoticeAsync(branch, n => n.SubjectId == order.OrderId && n.Kind == NotificationKind.DispatchEscalated, "the escalation notice");
            Assert.Equal($"director-{branch}", atRisk.Owner);

            await system.AdvanceClockAsync(PastUrbanCommitment);
            await _calls.DeadlineOnceAsync(order.OrderId, d => d.State == DeadlineState.Breached, "the deadline breached", TimeSpan.FromSeconds(60));
            var breach = await NoticeAsync(branch, n => n.SubjectId == order.OrderId && n.Kind == NotificationKind.DispatchDeadlineBreached, "the breach notice");
            var complaint = await Eventually.Until(
                async () => (await new ComplaintDeskCalls(system).ListAsync(branch)).FirstOrDefault(c => c.OrderId == order.OrderId),
                c => c is not null, TimeSpan.FromSeconds(45), "the complaint the breach raised");
            var filed = await NoticeAsync(branch, n => n.SubjectId == complaint!.ComplaintId && n.Kind == NotificationKind.ComplaintFiled, "the complaint notice");
            Assert.Contains(complaint!.ComplaintNumber, filed.Title);

            // Nobody acknowledged the escalation within its 30 minutes: the SLA timer's breach made it climb.
            var climbed = await NoticeAsync(branch, n => n.SubjectId == order.OrderId && n.Kind == NotificationKind.DispatchEscalated
                && n.Level == EscalationLevel.RegionalServiceManager, "the escalation climbed to the regional manager", HotlineRoles.Administrator);
            Assert.Equal("regional-manager-central", climbed.Owner);
            Assert.Equal("regional-service-manager", climbed.RecipientRole);

            foreach (var notice in new[] { atRisk, breach, filed })
            {
                await DeliveredOnceAsync(notice);
            }

            output.WriteLine($"order {order.OrderNumber}: {atRisk.Title} / {breach.Title} / {filed.Title}");
        }
        catch (Exception)
        {
            output.WriteLine(system.Tails());
            throw;
        }
    }

    [RabbitMqFact]
    public async Task Rule02_a_remote_order_nobody_books_breaches_its_booking_deadline_and_the_director_gets_mail_and_robot()
    {
        try
        {
            var order = (await _calls.RegisterAsync(HotlineCalls.RemoteRepair())).Order;
            await _calls.DeadlineOnceAsync(order.OrderId, d => d.State == DeadlineState.Pending, "the booking deadline watched",
                kind: DeadlineKinds.Booking);

            await system.AdvanceClockAsync(PastUrbanCommitment);
            await _calls.DeadlineOnceAsync(order.OrderId, d => d.State == DeadlineState.Breached, "the booking deadline breached",
                TimeSpan.FromSeconds(60), DeadlineKinds.Booking);
            var branch = (await _calls.DispatchOnceAsync(order.OrderId, d => d.Escalations.Count > 0, "dispatch escalated the missed booking")).BranchCode;
            var escalated = await NoticeAsync(branch, n => n.SubjectId == order.OrderId && n.Kind == NotificationKind.DispatchEscalated, "the booking escalation notice");
            Assert.Contains("not booked", escalated.Title);
            Assert.Equal($"director-{branch}", escalated.Owner);
            var breach = await NoticeAsync(branch, n => n.SubjectId == order.OrderId && n.Kind == NotificationKind.DispatchDeadlineBreached, "the booking breach notice");
            Assert.Contains(DeadlineKinds.Booking, breach.Title);
            var complaint = await Eventually.Until(
                async () => (await new ComplaintDeskCalls(system).ListAsync(branch)).FirstOrDefault(c => c.OrderId == order.OrderId),
                c => c is not null, TimeSpan.FromSeconds(45), "the complaint the missed booking raised");
            var filed = await NoticeAsync(branch, n => n.SubjectId == complaint!.ComplaintId && n.Kind == NotificationKind.ComplaintFiled, "the complaint notice");

            foreach (var notice in new[] { escalated, breach, filed })
            {
                await DeliveredOnceAsync(notice);
            }

            output.WriteLine($"order {order.OrderNumber}: {escalated.Title} / {breach.Title} / {filed.Title}");
        }
        catch (Exception)
        {
            output.WriteLine(system.Tails());
            throw;
        }
    }

    private async Task<Notification> NoticeAsync(string branch, Func<Notification, bool> match, string what, string role = DirectorRole)
    {
        var inbox = new Notifications.NotificationsClient(system.ChannelAs(system.Complaints, role, branch));
        var found = await Eventually.Until(
            async () => (await inbox.ListNotificationsAsync(new ListNotificationsRequest { PageSize = 200 })).Notifications.FirstOrDefault(match),
            n => n is not null,
            TimeSpan.FromSeconds(45),
            what);
        return found!;
    }

    private async Task DeliveredOnceAsync(Notification notice)
    {
        const string header = "X-TclHotline-Notification-Id";
        var id = notice.NotificationId;
        await Eventually.Until(
            () => Task.FromResult(system.Mail.MessagesWithHeader(header, id).Count >= 1 && Calls(id).Count >= 1),
            TimeSpan.FromSeconds(45),
            $"the mail and robot call of {notice.Title}");
        var mail = Assert.Single(system.Mail.MessagesWithHeader(header, id));
        Assert.Contains(SystemUnderTest.DirectorsMailbox, SmtpSink.HeaderValues(mail, "To")[0]);
        var call = Assert.Single(Calls(id));
        using var json = JsonDocument.Parse(call.Body);
        Assert.Equal("text", json.RootElement.GetProperty("msgtype").GetString());
        Assert.Contains(id, json.RootElement.GetProperty("text").GetProperty("content").GetString());

        IReadOnlyList<WebhookCall> Calls(string notificationId) =>
            [.. system.Robot.Calls.Where(c => c.Headers.TryGetValue(header, out var v) && v == notificationId)];
    }
}
