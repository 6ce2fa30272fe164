using System.Text.Json;
using Dapper;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using TclHotline.Complaints.Tests.Support;
using TclHotline.Grpc.Complaints.V1;
using TclHotline.ServiceDefaults.Outbox;
using TclHotline.ServiceDefaults.Security;
using TclHotline.Testing;

namespace TclHotline.Complaints.Tests.Functional;

/// <summary>
/// A complaints service whose notifications go to a real SMTP server (aiosmtpd) and a real HTTP receiver on
/// loopback. Shenzhen's director has a mailbox and a group robot; regional managers and headquarters have a
/// mailbox each. Deliveries not sent are requested again after a second.
/// </summary>
public sealed class NotificationsHost : IAsyncLifetime
{
    public const string Shenzhen = ComplaintsHost.Shenzhen;
    public const string Beijing = ComplaintsHost.Beijing;
    public const string DirectorMail = "director@sz.example.com";
    public const string ManagerMail = "manager@south.example.com";
    public const string HeadquartersMail = "hq@example.com";
    public const string DirectorRole = "service-director";
    public const string ManagerRole = "regional-service-manager";
    public const string HeadquartersRole = "headquarters-customer-service";

    public SmtpSink Smtp { get; } = new();
    public WebhookReceiver Robot { get; } = new();
    public TestHost Host { get; private set; } = null!;
    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "tclhotline-notify-" + Guid.NewGuid().ToString("N"));

    /// <summary>More settings for the host.</summary>
    public IEnumerable<KeyValuePair<string, string?>> Settings { get; init; } = [];

    public async Task InitializeAsync()
    {
        await Smtp.StartAsync();
        await Robot.StartAsync();
        Host = await StartHostAsync();
    }

    public async Task<TestHost> StartHostAsync() =>
        await TestHost.StartAsync([new ComplaintsModule()], dataDirectory: DataDirectory, settings: Settings.Concat(Smtp.Configuration).Concat(ComplaintsHost.Owners).Concat(
        [
            new("Notifications:Recipients:ShenzhenDirector:Branch", Shenzhen),
            new("Notifications:Recipients:ShenzhenDirector:Role", DirectorRole),
            new("Notifications:Recipients:ShenzhenDirector:Emails", DirectorMail),
            new("Notifications:Recipients:ShenzhenDirector:Webhooks", Robot.Url("robot/shenzhen")),
            new("Notifications:Recipients:Managers:Branch", "*"),
            new("Notifications:Recipients:Managers:Role", ManagerRole),
            new("Notifications:Recipients:Managers:Emails", ManagerMail),
            new("Notifications:Recipients:Headquarters:Role", HeadquartersRole),
            new("Notifications:Recipients:Headquarters:Emails", HeadquartersMail),
            new("Notifications:AcknowledgeWithin:DispatchEscalated", "00:20:00"),
            new("Notifications:Delivery:RetryAfter", "00:00:01"),
            new("Notifications:Delivery:ScanInterval", "00:00:00.300"),
            new("Notifications:Delivery:ClaimFor", "00:00:02"),
            new("Notifications:WatchPollInterval", "00:00:00.100"),
        ]));

    /// <summary>Stops the service, runs <paramref name="whileStopped"/>, and starts it again on the same database.</summary>
    public async Task RestartAsync(Func<Task> whileStopped)
    {
        await Host.DisposeAsync();
        await whileStopped();
        // MassTransit keeps its log context in an async-local set by the first host's bus in this flow; a host
        // built in the same flow would log through the disposed host's logger factory.
        Task<TestHost> start;
        using (ExecutionContext.SuppressFlow())
        {
            start = Task.Run(StartHostAsync);
        }

        Host = await start;
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Smtp.DisposeAsync();
        await Robot.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(DataDirectory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    public Notifications.NotificationsClient InboxOf(string role, string branch = Shenzhen) => new(Host.ChannelAs(role, branch));

    public ComplaintDesk.ComplaintDeskClient DirectorsDesk(string branch = Shenzhen) => new(Host.ChannelAs(HotlineRoles.ServiceDirector, branch));

    public Task PublishAsync<T>(T message) where T : class => Host.Services.GetRequiredService<IBus>().Publish(message);

    /// <summary>The notices of one order or complaint, every level, as an administrator sees them, oldest first.</summary>
    public async Task<IReadOnlyList<Notification>> NoticesAboutAsync(string subjectId)
    {
        var all = await new Notifications.NotificationsClient(Host.ChannelAs(HotlineRoles.Administrator))
            .ListNotificationsAsync(new ListNotificationsRequest { PageSize = 200 });
        return [.. all.Notifications.Where(n => n.SubjectId == subjectId).OrderBy(n => n.Sequence)];
    }

    public Task<IReadOnlyList<Notification>> NoticesEventuallyAsync(string subjectId, int count) =>
        Eventually.Until(() => NoticesAboutAsync(subjectId), n => n.Count >= count, what: $"{count} notice(s) about {subjectId}");

    public IReadOnlyList<string> MailsOf(string notificationId) => Smtp.MessagesWithHeader("X-TclHotline-Notification-Id", notificationId);

    public IReadOnlyList<WebhookCall> RobotCallsOf(string notificationId) =>
        [.. Robot.Calls.Where(c => c.Headers.TryGetValue("X-TclHotline-Notification-Id", out var id) && id == notificationId)];

    /// <summary>The messages of one type the service wrote to its outbox for an aggregate, oldest first.</summary>
    public async Task<IReadOnlyList<T>> PublishedAsync<T>(string aggregateId)
    {
        var db = Host.Services.GetRequiredService<ComplaintsDatabase>();
        await using var c = await db.OpenAsync();
        var bodies = await c.QueryAsync<string>(
            "SELECT body FROM outbox_messages WHERE message_type = @Type AND aggregate_id = @Aggregate ORDER BY sequence",
            new { Type = typeof(T).FullName, Aggregate = aggregateId });
        return [.. bodies.Select(b => JsonSerializer.Deserialize<T>(b, MessageTypes.Json)!)];
    }

    /// <summary>How many delivery attempts of a notice failed so far.</summary>
    public async Task<int> FailedAttemptsAsync(string notificationId)
    {
        var db = Host.Services.GetRequiredService<ComplaintsDatabase>();
        await using var c = await db.OpenAsync();
        return await c.ExecuteScalarAsync<int>(
            "SELECT COALESCE(SUM(attempts), 0) FROM notification_deliveries WHERE notification_id = @Id AND sent_at IS NULL", new { Id = notificationId });
    }
}
