using Dapper;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using TclHotline.Grpc.Telephony.V1;
using TclHotline.Messages.Dispatch;
using TclHotline.Messages.Intake;
using TclHotline.ServiceDefaults.Security;
using TclHotline.Testing;

namespace TclHotline.Telephony.Tests.Support;

[CollectionDefinition(Name)]
public sealed class TelephonyHostCollection : ICollectionFixture<TelephonyHostFixture>
{
    public const string Name = "telephony host";
}

/// <summary>One running telephony module shared by the functional tests; each test uses its own call ids and numbers.</summary>
public sealed class TelephonyHostFixture : IAsyncLifetime
{
    public const string Secret = "pbx-shared-secret-for-tests";

    private readonly IReadOnlyList<KeyValuePair<string, string?>> _settings;

    public TelephonyHostFixture() : this([]) { }

    /// <summary>A host of its own with these settings too (start it with InitializeAsync, stop it with DisposeAsync).</summary>
    internal TelephonyHostFixture(IReadOnlyList<KeyValuePair<string, string?>> settings) => _settings = settings;

    public TestHost Host { get; private set; } = null!;
    public FakePbx Pbx { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Host = await TestHost.StartAsync([new TelephonyModule()], settings: [new("Telephony:ConnectorSecret", Secret), .. _settings]);
        Pbx = new FakePbx(Host, Secret);
    }

    public async Task DisposeAsync()
    {
        Pbx.Dispose();
        await Host.DisposeAsync();
    }

    public TelephonyService.TelephonyServiceClient ClientAs(string role, string subject = "test-user", string branch = HotlineClaims.AllBranches) =>
        new(Host.Channel(TestTokens.For(role, branch, subject: subject)));

    /// <summary>An order intake opened, as the bus delivers it; returns once telephony's projection has it.</summary>
    public async Task<Guid> OrderOpenedAsync(string phone, string name, string serial, bool exchangeEligible, string? callId, string branch = "SZ")
    {
        var orderId = Guid.NewGuid();
        await Bus.Publish(new ServiceOrderOpened(
            orderId, "SO" + orderId.ToString("N")[..8], DateTimeOffset.UtcNow, "Repair", branch, "44", "4403", "440305", true,
            name, phone, "Nanshan Road 1", "65C735", serial, "NoPicture", true, exchangeEligible, null, callId));
        await Eventually.Until(async () => await OrderStatusAsync(orderId) is not null, TimeSpan.FromSeconds(15), "the order in the projection");
        return orderId;
    }

    public async Task EngineerAssignedAsync(Guid orderId, DateTimeOffset commitmentDue, string branch = "SZ")
    {
        var now = DateTimeOffset.UtcNow;
        await Bus.Publish(new EngineerAssigned(orderId, Guid.NewGuid(), "ENG-1", "Li", "OUT-1", branch, now.AddHours(3), commitmentDue, "Auto", now));
        await Eventually.Until(async () => await ScalarAsync<long?>("SELECT commitment_due FROM orders WHERE order_id = @Id", new { Id = orderId }) is not null,
            TimeSpan.FromSeconds(15), "the commitment in the projection");
    }

    /// <summary>The screen pop an agent's desk receives when a call from <paramref name="phone"/> is answered.</summary>
    public async Task<ScreenPop> ScreenPopAsync(string callId, string phone, string agent)
    {
        var desk = ClientAs(HotlineRoles.Agent, subject: agent);
        using var watch = desk.WatchAgentDesk(new WatchAgentDeskRequest { AgentId = agent });
        await watch.ResponseHeadersAsync;
        var call = new CallScript(callId, DateTimeOffset.UtcNow.AddMinutes(-1)).Offered(phone, "repair")
            .After(TimeSpan.FromSeconds(5)).Answered(agent, "8301");
        await Pbx.PlayOverGrpcAsync(call.Events);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        Assert.True(await watch.ResponseStream.MoveNext(timeout.Token));
        return watch.ResponseStream.Current;
    }

    /// <summary>Publishes an intake event as the bus delivers it.</summary>
    public Task PublishAsync<T>(T message) where T : class => Bus.Publish(message);

    public Task<string?> OrderStatusAsync(Guid orderId) =>
        ScalarAsync<string?>("SELECT status FROM orders WHERE order_id = @Id", new { Id = orderId });

    /// <summary>Bodies of the outbox messages of one type (e.g. "DeadlineSet") that mention a text.</summary>
    public async Task<IReadOnlyList<string>> OutboxAsync(string messageType, string mentioning)
    {
        await using var connection = await Host.Services.GetRequiredService<TelephonyDatabase>().OpenAsync();
        var bodies = await connection.QueryAsync<string>(
            "SELECT body FROM outbox_messages WHERE message_type = @Type ORDER BY sequence",
            new { Type = "TclHotline.Messages.Sla." + messageType });
        return bodies.Where(b => b.Contains(mentioning, StringComparison.Ordinal)).ToList();
    }

    public async Task<T?> ScalarAsync<T>(string sql, object param)
    {
        await using var connection = await Host.Services.GetRequiredService<TelephonyDatabase>().OpenAsync();
        return await connection.ExecuteScalarAsync<T>(sql, param);
    }

    private IBus Bus => Host.Services.GetRequiredService<IBus>();
}
