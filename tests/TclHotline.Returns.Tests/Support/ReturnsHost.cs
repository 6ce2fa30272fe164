using System.Text.Json;
using Dapper;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using TclHotline.Grpc.Returns.V1;
using TclHotline.ServiceDefaults.Modules;
using TclHotline.ServiceDefaults.Outbox;
using TclHotline.ServiceDefaults.Security;
using TclHotline.ServiceDefaults.Time;
using TclHotline.Testing;

namespace TclHotline.Returns.Tests.Support;

/// <summary>
/// The returns service in a real host (in-memory bus, temporary SQLite files, gRPC on loopback), on a clock of
/// its own that a test moves forward (<see cref="Advance"/>), with three dealers in two branches. Tests keep
/// apart by their own serial numbers.
/// </summary>
public class ReturnsHost : IAsyncLifetime
{
    public const string Changsha = "CS";
    public const string Wuhan = "WH";
    public const string Gome = "CS-GM-001";
    public const string Suning = "CS-SN-002";
    public const string WuhanDealer = "WH-GM-001";

    private readonly string _clockFile = Path.Combine(Path.GetTempPath(), "tclhotline-returns-clock-" + Guid.NewGuid().ToString("N"));

    public TestHost Host { get; private set; } = null!;
    public ControlledClock Clock { get; private set; } = null!;

    public static IReadOnlyList<KeyValuePair<string, string?>> DealerSettings { get; } =
    [
        .. Dealer(Gome, Changsha, "国美电器长沙五一店", "0731-84400001"),
        .. Dealer(Suning, Changsha, "苏宁易购长沙芙蓉店", "0731-84400002"),
        .. Dealer(WuhanDealer, Wuhan, "国美电器武汉江汉店", "027-85500001", "42", "4201", "420103"),
    ];

    private static IEnumerable<KeyValuePair<string, string?>> Dealer(
        string code, string branch, string name, string phone, string province = "43", string city = "4301", string district = "430102")
    {
        var p = "Returns:Dealers:" + code + ":";
        return
        [
            new(p + "Name", name), new(p + "Branch", branch), new(p + "ContactName", "店长"), new(p + "Phone", phone),
            new(p + "ProvinceCode", province), new(p + "CityCode", city), new(p + "DistrictCode", district),
            new(p + "StreetAddress", "五一大道 389 号"),
        ];
    }

    /// <summary>The modules hosted: the returns service alone unless a test class needs others beside it.</summary>
    protected virtual IServiceModule[] Modules => [new ReturnsModule()];

    protected virtual IEnumerable<KeyValuePair<string, string?>> Settings => [];

    /// <summary>More settings for one host, e.g. a real broker's.</summary>
    public IEnumerable<KeyValuePair<string, string?>> ExtraSettings { get; init; } = [];

    public async Task InitializeAsync()
    {
        Clock = TestClock.Create(_clockFile);
        Host = await TestHost.StartAsync(Modules, settings: DealerSettings.Concat(Settings).Concat(ExtraSettings), clock: Clock);
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        File.Delete(_clockFile);
    }

    /// <summary>Moves this host's business time forward.</summary>
    public void Advance(TimeSpan by) => ControlledClock.Advance(_clockFile, by);

    public DateOnly Today => LegalPeriod.LocalDate(Clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));

    public Grpc.Returns.V1.Returns.ReturnsClient As(string role, string branch = Changsha) => new(Host.ChannelAs(role, branch));

    public Grpc.Returns.V1.Returns.ReturnsClient Dealer(string dealerCode, string branch = Changsha) =>
        new(Host.Channel(TestTokens.For(HotlineRoles.Dealer, branch, subject: "dealer-" + dealerCode, dealerId: dealerCode)));

    public Grpc.Returns.V1.Returns.ReturnsClient Staff(string branch = Changsha) => As(HotlineRoles.Dispatcher, branch);

    public Grpc.Returns.V1.Returns.ReturnsClient Director(string branch = Changsha) => As(HotlineRoles.ServiceDirector, branch);

    public Task PublishAsync<T>(T message) where T : class => Host.Services.GetRequiredService<IBus>().Publish(message);

    /// <summary>How many messages a consumer of the returns service has handled (its inbox marks).</summary>
    public async Task<int> HandledAsync(string consumer)
    {
        await using var c = await Host.Services.GetRequiredService<ReturnsDatabase>().OpenAsync();
        return await c.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM inbox_messages WHERE consumer = @Consumer", new { Consumer = consumer });
    }

    public async Task PublishAndWaitAsync<T>(T message, string consumer) where T : class
    {
        var before = await HandledAsync(consumer);
        await PublishAsync(message);
        await Eventually.Until(async () => await HandledAsync(consumer) > before, what: $"{consumer} to handle a {typeof(T).Name}");
    }

    public async Task<long> CountAsync(string table, string where = "1 = 1", object? param = null)
    {
        await using var c = await Host.Services.GetRequiredService<ReturnsDatabase>().OpenAsync();
        return await c.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {table} WHERE {where}", param);
    }

    /// <summary>The messages of one type the returns service wrote to its outbox, oldest first.</summary>
    public async Task<IReadOnlyList<T>> PublishedAsync<T>()
    {
        await using var c = await Host.Services.GetRequiredService<ReturnsDatabase>().OpenAsync();
        var bodies = await c.QueryAsync<string>("SELECT body FROM outbox_messages WHERE message_type = @Type ORDER BY sequence",
            new { Type = typeof(T).FullName });
        return [.. bodies.Select(b => JsonSerializer.Deserialize<T>(b, MessageTypes.Json)!)];
    }

    private static int _serials;

    /// <summary>A serial number no other test uses.</summary>
    public static string NewSerial() => $"TCL55C{Environment.ProcessId % 1000:D3}{Interlocked.Increment(ref _serials):D6}";

    public Task<string> DeliverAsync(string dealer, DateOnly on, string? serial = null) => DeliverAsyncIn(Changsha, dealer, on, serial);

    public async Task<string> DeliverAsyncIn(string branch, string dealer, DateOnly on, string? serial = null)
    {
        serial ??= NewSerial();
        await Staff(branch).RecordDeliveryAsync(new RecordDeliveryRequest
        {
            SerialNumber = serial, ProductModel = "55C8K", DealerCode = dealer, DeliveredOn = on.ToString("yyyy-MM-dd"),
        });
        return serial;
    }
}
