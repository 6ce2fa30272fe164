using System.Text.Json;
using Dapper;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using TclHotline.Grpc.Complaints.V1;
using TclHotline.Messages.Intake;
using TclHotline.ServiceDefaults.Outbox;
using TclHotline.ServiceDefaults.Security;
using TclHotline.Testing;

namespace TclHotline.Complaints.Tests.Support;

/// <summary>
/// One complaints service for a test class: a real host (in-memory bus, temporary SQLite) with owners
/// configured for two branches. Tests keep apart by their own orders, engineers and complaints.
/// </summary>
public sealed class ComplaintsHost : IAsyncLifetime
{
    public const string Shenzhen = Desk.Branch;
    public const string Beijing = "BJ-HD";

    public TestHost Host { get; private set; } = null!;

    /// <summary>More settings, e.g. a real broker's.</summary>
    public IEnumerable<KeyValuePair<string, string?>> Settings { get; init; } = [];

    /// <summary>An owner at every escalation level of both branches (rule 20): the branches are added to the catalogue.</summary>
    public static readonly IReadOnlyList<KeyValuePair<string, string?>> Owners =
    [
        .. TestBranches.Entry(Shenzhen, Desk.Director, Desk.RegionalManager),
        .. TestBranches.Entry(Beijing, "director.beijing", "manager.north"),
        new("Complaints:Escalation:HeadquartersCustomerService", Desk.Headquarters),
    ];

    public async Task InitializeAsync() =>
        Host = await TestHost.StartAsync([new ComplaintsModule()], settings: Settings.Concat(Owners));

    public async Task DisposeAsync() => await Host.DisposeAsync();

    public ComplaintDesk.ComplaintDeskClient DeskAs(string role, string branch = HotlineClaims.AllBranches) =>
        new(Host.ChannelAs(role, branch));

    public ComplaintDesk.ComplaintDeskClient Handler(string branch = Shenzhen) => DeskAs(HotlineRoles.ComplaintHandler, branch);

    public Task PublishAsync<T>(T message) where T : class =>
        Host.Services.GetRequiredService<IBus>().Publish(message);

    /// <summary>How many messages a consumer has handled (its inbox marks): to know a message was seen, even one that changed nothing.</summary>
    public Task<int> HandledAsync(string consumer) => HandledAsync(Host, consumer);

    /// <summary>How many messages a consumer of the complaints service in <paramref name="host"/> has handled.</summary>
    public static async Task<int> HandledAsync(TestHost host, string consumer)
    {
        var db = host.Services.GetRequiredService<ComplaintsDatabase>();
        await using var c = await db.OpenAsync();
        return await c.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM inbox_messages WHERE consumer = @Consumer", new { Consumer = consumer });
    }

    public Task WaitHandledAsync(string consumer, int count) =>
        Eventually.Until(async () => await HandledAsync(consumer) >= count, what: $"{consumer} to handle {count} message(s)");

    /// <summary>The messages of one type the service wrote to its outbox for a complaint, oldest first.</summary>
    public async Task<IReadOnlyList<T>> PublishedAsync<T>(string complaintId)
    {
        var db = Host.Services.GetRequiredService<ComplaintsDatabase>();
        await using var c = await db.OpenAsync();
        var bodies = await c.QueryAsync<string>(
            "SELECT body FROM outbox_messages WHERE message_type = @Type AND aggregate_id = @Aggregate ORDER BY sequence",
            new { Type = typeof(T).FullName, Aggregate = complaintId });
        return [.. bodies.Select(b => JsonSerializer.Deserialize<T>(b, MessageTypes.Json)!)];
    }

    /// <summary>Every complaint about the order, as a headquarters handler lists them.</summary>
    public async Task<IReadOnlyList<Complaint>> ComplaintsOfOrderAsync(Guid orderId)
    {
        var all = await DeskAs(HotlineRoles.Administrator).ListComplaintsAsync(new ListComplaintsRequest { PageSize = 200 });
        return [.. all.Complaints.Where(c => c.OrderId == orderId.ToString("D"))];
    }

    public static ServiceOrderOpened OrderOpened(Guid orderId, string branch = Shenzhen) => new(
        orderId,
        "WO-" + orderId.ToString("N")[..8],
        DateTimeOffset.UtcNow.AddHours(-30),
        "Repair",
        branch,
        "GD",
        "SZ",
        "NS",
        true,
        "Li Wei",
        "13800138000",
        "1 Keji Road",
        "55C8K",
        "SN-" + orderId.ToString("N")[..10],
        "NoPicture",
        true,
        false,
        null,
        null);
}
