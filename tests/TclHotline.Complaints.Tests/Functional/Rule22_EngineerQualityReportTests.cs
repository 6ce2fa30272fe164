using MimeKit;
using TclHotline.Complaints.Consumers;
using TclHotline.Complaints.Tests.Support;
using TclHotline.Grpc.Complaints.V1;
using TclHotline.Messages.Dispatch;
using TclHotline.ServiceDefaults.Time;
using TclHotline.Testing;

namespace TclHotline.Complaints.Tests.Functional;

/// <summary>A notifications host on a clock the test moves, reporting Shenzhen's engineers every 7 days.</summary>
public sealed class ReportingHost : IAsyncLifetime
{
    public ReportingHost()
    {
        Service = new NotificationsHost
        {
            Settings =
            [
                new("Clock:Mode", "Controlled"),
                new("Clock:OffsetFile", OffsetFile),
                new("Notifications:EngineerQualityReport:Every", "7.00:00:00"),
                new("Notifications:EngineerQualityReport:CheckInterval", "00:00:00.200"),
                new("Notifications:EngineerQualityReport:Branches:0", NotificationsHost.Shenzhen),
            ],
        };
    }

    public string OffsetFile { get; } = Path.Combine(Path.GetTempPath(), "tclhotline-clock-" + Guid.NewGuid().ToString("N"));

    public NotificationsHost Service { get; }

    public Task InitializeAsync() => Service.InitializeAsync();

    public async Task DisposeAsync()
    {
        await Service.DisposeAsync();
        File.Delete(OffsetFile);
    }
}

/// <summary>Rule 22 through the running service: each week the branch's service director receives the engineer-quality report.</summary>
public sealed class Rule22_EngineerQualityReportTests(ReportingHost reporting) : IClassFixture<ReportingHost>
{
    private readonly NotificationsHost _service = reporting.Service;

    [Fact]
    public async Task Rule22_each_week_the_director_receives_every_engineer_classed_with_the_cases_behind_it()
    {
        var start = DateTimeOffset.UtcNow.AddDays(-3);
        var seen = 0;
        foreach (var (engineer, late) in new[] { ("eng-good", 0), ("eng-watch", 1), ("eng-poor", 3) })
        {
            for (var i = 0; i < 5; i++)
            {
                var at = start.AddHours(i);
                await _service.PublishAsync(new EngineerArrived(Guid.NewGuid(), Guid.NewGuid(), engineer, NotificationsHost.Shenzhen, at, at.AddHours(i < late ? -1 : 1), i >= late));
                seen++;
            }
        }

        await Eventually.Until(async () => await ComplaintsHost.HandledAsync(_service.Host, nameof(EngineerArrivedConsumer)) >= seen, what: "the arrivals");
        await Task.Delay(600); // a round of the schedule sees the branch in this period
        Assert.Empty(await ReportsAsync());

        ControlledClock.Advance(reporting.OffsetFile, TimeSpan.FromDays(7));

        var report = Assert.Single(await Eventually.Until(ReportsAsync, r => r.Count >= 1, what: "the weekly report"));
        Assert.Equal(Desk.Director, report.Owner);
        Assert.Equal(NotificationsHost.DirectorRole, report.RecipientRole);
        Assert.Contains("eng-poor: should be replaced", report.Body);
        Assert.Contains("eng-watch: needs supervision", report.Body);
        Assert.Contains("eng-good: good", report.Body);
        Assert.True(report.Body.IndexOf("eng-poor", StringComparison.Ordinal) < report.Body.IndexOf("eng-good", StringComparison.Ordinal), "worst first");
        Assert.Equal(4, report.Body.Split("missed commitment").Length - 1);
        Assert.Null(report.AcknowledgeDue);

        var raw = (await Eventually.Until(() => Task.FromResult(_service.MailsOf(report.NotificationId)), m => m.Count >= 1, what: "the report mail"))[0];
        var mail = MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(raw)));
        Assert.Equal(NotificationsHost.DirectorMail, mail.To.Mailboxes.Single().Address);
        Assert.Contains("eng-poor: should be replaced", mail.TextBody);

        await Task.Delay(1000); // more rounds in the same period send nothing more
        Assert.Single(await ReportsAsync());
    }

    private async Task<IReadOnlyList<Notification>> ReportsAsync()
    {
        var inbox = await _service.InboxOf(NotificationsHost.DirectorRole).ListNotificationsAsync(new ListNotificationsRequest { PageSize = 200 });
        return [.. inbox.Notifications.Where(n => n.Kind == NotificationKind.EngineerQualityReport)];
    }
}
