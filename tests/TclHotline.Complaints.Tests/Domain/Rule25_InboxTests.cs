using TclHotline.Complaints;
using TclHotline.Complaints.Domain;
using TclHotline.Complaints.Domain.Notifications;
using TclHotline.Complaints.Tests.Support;

namespace TclHotline.Complaints.Tests.Domain;

/// <summary>Rule 25 as plain rules: who a notice is for, until when, where it goes, and how it climbs.</summary>
public sealed class Rule25_InboxTests
{
    private static readonly DateTimeOffset At = Desk.FiledAt;

    private static NotificationOptions Options() => new()
    {
        AcknowledgeWithin = { [NotificationKind.DispatchEscalated] = TimeSpan.FromMinutes(20) },
        Smtp = { Host = "smtp.example.com" },
        Recipients =
        {
            ["sz"] = new() { Branch = Desk.Branch, Role = "service-director", Emails = "a@sz.example.com; b@sz.example.com", Webhooks = "https://robot.example.com/sz" },
            ["all"] = new() { Branch = "*", Role = "service-director", Emails = "all-directors@example.com , a@sz.example.com" },
            ["bj"] = new() { Branch = "BJ-HD", Role = "service-director", Emails = "bj@example.com" },
            ["managers"] = new() { Branch = "*", Role = "regional-service-manager", Emails = "managers@example.com" },
        },
    };

    private static Inbox NewInbox(NotificationOptions? options = null) => new(options ?? Options(), Desk.Ladder());

    private static NotificationCause Cause(NotificationKind kind = NotificationKind.DispatchEscalated, EscalationLevel level = EscalationLevel.BranchServiceDirector) =>
        new(kind, "cause-1", Desk.Branch, level, "Order at risk", "No engineer can arrive in time.", "order-1");

    [Theory]
    [InlineData(EscalationLevel.BranchServiceDirector, "service-director", Desk.Director)]
    [InlineData(EscalationLevel.RegionalServiceManager, "regional-service-manager", Desk.RegionalManager)]
    [InlineData(EscalationLevel.HeadquartersCustomerService, "headquarters-customer-service", Desk.Headquarters)]
    public void Rule25_a_notice_is_addressed_to_the_levels_role_in_the_branch_and_names_the_person_at_that_level(
        EscalationLevel level, string role, string owner)
    {
        var notice = NewInbox().Open(Cause(level: level), At);

        Assert.Equal(role, notice.RecipientRole);
        Assert.Equal(owner, notice.Owner);
        Assert.Equal(Desk.Branch, notice.BranchCode);
        Assert.True(notice.IsOpen);
    }

    [Theory]
    [InlineData(NotificationKind.DispatchEscalated, EscalationLevel.BranchServiceDirector, 20)]
    [InlineData(NotificationKind.ComplaintFiled, EscalationLevel.BranchServiceDirector, 60)]
    [InlineData(NotificationKind.DispatchEscalated, EscalationLevel.HeadquartersCustomerService, null)]
    [InlineData(NotificationKind.EngineerQualityReport, EscalationLevel.BranchServiceDirector, null)]
    public void Rule25_the_acknowledge_deadline_comes_from_configuration_by_kind_and_the_top_level_has_none(
        NotificationKind kind, EscalationLevel level, int? minutes)
    {
        var notice = NewInbox().Open(Cause(kind, level), At);

        Assert.Equal(minutes is { } m ? At.AddMinutes(m) : null, notice.AcknowledgeDue);
    }

    [Fact]
    public void Rule25_an_open_notice_climbs_one_level_with_the_same_cause_and_a_fresh_deadline()
    {
        var inbox = NewInbox();
        var notice = inbox.Open(Cause(), At);
        var missedAt = At.AddMinutes(21);

        var (before, next) = inbox.Climb(notice, missedAt)!.Value;

        Assert.Equal(next.Id, before.ClimbedTo);
        Assert.Equal(missedAt, before.ClimbedAt);
        Assert.False(before.IsOpen);
        Assert.Equal(EscalationLevel.RegionalServiceManager, next.Level);
        Assert.Equal(notice.CauseId, next.CauseId);
        Assert.Equal(missedAt.AddMinutes(20), next.AcknowledgeDue);
        Assert.Contains($"{Desk.Director} did not acknowledge it", next.Body);
    }

    [Fact]
    public void Rule25_an_acknowledged_climbed_or_top_level_notice_does_not_climb()
    {
        var inbox = NewInbox();
        var notice = inbox.Open(Cause(), At);
        var acknowledged = TclHotline.Complaints.Domain.Notifications.Inbox.Acknowledge(notice, "director", At.AddMinutes(5)).Notification;
        var climbed = inbox.Climb(notice, At.AddMinutes(21))!.Value.Before;
        var top = inbox.Open(Cause(level: EscalationLevel.HeadquartersCustomerService), At);

        Assert.Null(inbox.Climb(acknowledged, At.AddMinutes(21)));
        Assert.Null(inbox.Climb(climbed, At.AddMinutes(22)));
        Assert.Null(inbox.Climb(top, At.AddMinutes(21)));
    }

    [Fact]
    public void Rule25_acknowledging_twice_keeps_the_first_and_a_climbed_notice_cannot_be_acknowledged()
    {
        var inbox = NewInbox();
        var notice = inbox.Open(Cause(), At);
        var (first, changed) = TclHotline.Complaints.Domain.Notifications.Inbox.Acknowledge(notice, "director", At.AddMinutes(5));
        var (second, again) = TclHotline.Complaints.Domain.Notifications.Inbox.Acknowledge(first, "someone-else", At.AddMinutes(6));
        var climbed = inbox.Climb(notice, At.AddMinutes(21))!.Value.Before;

        Assert.True(changed);
        Assert.False(again);
        Assert.Equal("director", second.AcknowledgedBy);
        Assert.Throws<NotificationRefused>(() => TclHotline.Complaints.Domain.Notifications.Inbox.Acknowledge(climbed, "director", At.AddMinutes(25)));
    }

    [Fact]
    public void A_roles_notice_goes_to_every_matching_entry_of_its_branch_and_of_every_branch_each_target_once()
    {
        var targets = new NotificationRecipients(Options()).For(Desk.Branch, "service-director");

        Assert.Equal(
            [
                new NotificationTarget("email", "a@sz.example.com"),
                new NotificationTarget("email", "b@sz.example.com"),
                new NotificationTarget("email", "all-directors@example.com"),
                new NotificationTarget("webhook", "https://robot.example.com/sz"),
            ],
            targets.OrderBy(t => t.Channel, StringComparer.Ordinal).ThenBy(t => t.Target == "all-directors@example.com").ToList());
    }

    [Fact]
    public void Without_an_smtp_host_no_mail_is_requested()
    {
        var options = Options();
        options.Smtp.Host = "";

        var targets = new NotificationRecipients(options).For(Desk.Branch, "service-director");

        Assert.Equal([new NotificationTarget("webhook", "https://robot.example.com/sz")], targets);
    }

    [Fact]
    public void The_template_of_the_kind_fills_in_the_notice_with_the_deadline_in_the_branchs_time()
    {
        var options = Options();
        options.Templates[NotificationKind.DispatchEscalated] = new NotificationTemplate
        {
            Subject = "【{Branch}】{Title}",
            Text = "{Owner} L{Level} {Kind} due {AcknowledgeDue} id {NotificationId}: {Body}",
        };
        var notice = NewInbox(options).Open(Cause(), At);

        var (subject, text) = new NotificationText(options, Desk.Branches()).Render(notice);

        Assert.Equal($"【{Desk.Branch}】Order at risk", subject);
        Assert.Equal($"{Desk.Director} L1 DispatchEscalated due 2025-03-01 10:20 id {notice.Id:D}: No engineer can arrive in time.", text);
    }
}
