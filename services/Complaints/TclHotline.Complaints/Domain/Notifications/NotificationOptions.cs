using Microsoft.Extensions.Options;
using TclHotline.ServiceDefaults.Modules;

namespace TclHotline.Complaints.Domain.Notifications;

/// <summary>Bound from <c>Notifications</c>: who is told what, how long they have to acknowledge, and the channels.</summary>
public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    /// <summary>The role whose inbox holds a notice at each escalation level (1, 2, 3).</summary>
    public Dictionary<EscalationLevel, string> LevelRoles { get; set; } = new()
    {
        [EscalationLevel.BranchServiceDirector] = "service-director",
        [EscalationLevel.RegionalServiceManager] = "regional-service-manager",
        [EscalationLevel.HeadquartersCustomerService] = "headquarters-customer-service",
    };

    /// <summary>How long the owner has to acknowledge a notice of each kind before it climbs; a kind not listed, or zero, does not climb.</summary>
    public Dictionary<NotificationKind, TimeSpan> AcknowledgeWithin { get; set; } = new()
    {
        [NotificationKind.DispatchEscalated] = TimeSpan.FromMinutes(30),
        [NotificationKind.DispatchDeadlineBreached] = TimeSpan.FromMinutes(30),
        [NotificationKind.ComplaintFiled] = TimeSpan.FromHours(1),
        [NotificationKind.ComplaintEscalated] = TimeSpan.FromHours(1),
    };

    /// <summary>
    /// Who receives a role's notices outside the system, by any name (e.g. "ServiceDirectors", "CS-Director"):
    /// e-mail addresses and group-robot webhook URLs. Every entry matching a notice's branch and role applies.
    /// </summary>
    public Dictionary<string, NotificationRecipient> Recipients { get; set; } = [];

    /// <summary>Per kind: the e-mail subject and the text of both channels; a kind not listed uses <see cref="DefaultTemplate"/>.</summary>
    public Dictionary<NotificationKind, NotificationTemplate> Templates { get; set; } = [];

    public NotificationTemplate DefaultTemplate { get; set; } = new();

    [ValidateObjectMembers]
    public SmtpChannelOptions Smtp { get; set; } = new();
    [ValidateObjectMembers]
    public WebhookChannelOptions Webhook { get; set; } = new();
    [ValidateObjectMembers]
    public NotificationDeliveryOptions Delivery { get; set; } = new();
    [ValidateObjectMembers]
    public EngineerQualityReportOptions EngineerQualityReport { get; set; } = new();

    /// <summary>How often a WatchNotifications stream looks for new notices (written by any instance).</summary>
    [Positive]
    public TimeSpan WatchPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    [Positive]
    public int DefaultPageSize { get; set; } = 50;
    [Positive]
    public int MaxPageSize { get; set; } = 200;
}

/// <summary>A role in a branch ("*": every branch) and where its notices go.</summary>
public sealed class NotificationRecipient
{
    public string Branch { get; set; } = "*";
    public string Role { get; set; } = "";

    /// <summary>E-mail addresses, separated by commas or semicolons (one setting, so one environment variable).</summary>
    public string Emails { get; set; } = "";

    /// <summary>Group-robot webhook URLs, separated by commas or semicolons.</summary>
    public string Webhooks { get; set; } = "";
}

/// <summary>
/// Placeholders: {Title} {Body} {Owner} {Branch} {Level} {Kind} {NotificationId} {AcknowledgeDue}.
/// </summary>
public sealed class NotificationTemplate
{
    public string Subject { get; set; } = "[TCL hotline] {Title}";
    public string Text { get; set; } = "{Owner}: {Title}\n{Body}\nBranch {Branch}, level {Level}; acknowledge by {AcknowledgeDue}.\nNotification {NotificationId}";
}

public sealed class SmtpChannelOptions
{
    /// <summary>Empty: no e-mail is sent (the deliveries are not even requested).</summary>
    public string Host { get; set; } = "";
    [Positive]
    public int Port { get; set; } = 25;

    /// <summary>None | StartTls | StartTlsWhenAvailable | SslOnConnect | Auto.</summary>
    public string Security { get; set; } = "StartTlsWhenAvailable";

    public string Username { get; set; } = "";
    public string Password { get; set; } = "";
    public string From { get; set; } = "hotline-notifications@tclhotline.local";
    public string FromName { get; set; } = "TCL hotline";
    [Positive]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}

public sealed class WebhookChannelOptions
{
    /// <summary>text | markdown: the group-robot message type WeCom and DingTalk both accept.</summary>
    public string MessageType { get; set; } = "text";

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(15);
}

public sealed class NotificationDeliveryOptions
{
    /// <summary>A delivery not recorded as sent this long after it was last requested is requested again through the outbox.</summary>
    [Positive]
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often unsent deliveries are looked for.</summary>
    [Positive]
    public TimeSpan ScanInterval { get; set; } = TimeSpan.FromSeconds(15);

    [Positive]
    public int ScanBatchSize { get; set; } = 100;

    /// <summary>How long an instance holds a delivery it is sending; longer than a channel's timeout, shorter than <see cref="RetryAfter"/>.</summary>
    [Positive]
    public TimeSpan ClaimFor { get; set; } = TimeSpan.FromSeconds(45);
}

/// <summary>Rule 22: every branch's service director receives the engineer-quality report once a period.</summary>
public sealed class EngineerQualityReportOptions
{
    public bool Enabled { get; set; } = true;

    /// <summary>The length of a period: a week by default.</summary>
    [Positive]
    public TimeSpan Every { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Where periods are counted from: Monday 08:00 in Shanghai by default, so a report goes out every Monday morning.</summary>
    public DateTimeOffset Anchor { get; set; } = new(2025, 1, 6, 8, 0, 0, TimeSpan.FromHours(8));

    /// <summary>How often the schedule is looked at.</summary>
    [Positive]
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Branches reported even before anything is known of their engineers; branches with engineer facts are reported anyway.</summary>
    public List<string> Branches { get; set; } = [];
}
