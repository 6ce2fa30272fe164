using System.Collections.Concurrent;
using Grpc.Core;
using Grpc.Net.Client;
using TclHotline.ServiceDefaults.Time;
using TclHotline.Testing;
using Xunit;

namespace TclHotline.EndToEnd.Tests.Harness;

/// <summary>
/// The distributed system for a test run: a real RabbitMQ broker on loopback and each service host as its own
/// process (intake with telephony, dispatch, sla, complaints, returns), each service with one SQLite folder shared by
/// all its instances, and one clock offset file shared by every process so a test can move time for all.
/// Shared by the whole suite (an xunit collection fixture): starting it costs most of the run.
/// <para>
/// Or, as <see cref="StandaloneSystem"/>, the embedded default: one standalone host process running every
/// service module on the in-memory bus, its SQLite files in one folder; every service name then names it.
/// </para>
/// </summary>
public class SystemUnderTest : IAsyncLifetime
{
    public const string ConnectorSecret = "e2e-connector-secret-7f3a";
    public static readonly string[] Services = ["Intake", "Dispatch", "Sla", "Complaints", "Returns"];
    public const string Standalone = "Standalone";

    private readonly string _root = Path.Combine(Path.GetTempPath(), "tclhotline-e2e-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly ConcurrentDictionary<string, GrpcChannel> _channels = new();
    private readonly Dictionary<string, List<ServiceProcess>> _instances = [];
    private readonly bool _standalone;

    public SystemUnderTest() : this(standalone: false) { }

    protected SystemUnderTest(bool standalone) => _standalone = standalone;

    public RabbitMqBroker Broker { get; } = new();

    /// <summary>The SMTP server and group-robot endpoint every service director's notifications go to.</summary>
    public SmtpSink Mail { get; } = new();
    public WebhookReceiver Robot { get; } = new();
    public const string DirectorsMailbox = "directors@e2e.example.com";
    public Figures Figures { get; } = new();
    public string OffsetFile => Path.Combine(_root, "clock-offset-ms");
    public string LogDirectory => Path.Combine(_root, "logs");

    /// <summary>Settings every process gets on its next start (e.g. Messaging__DuplicateDeliveries).</summary>
    public Dictionary<string, string> ExtraEnvironment { get; } = [];

    public ServiceProcess Intake => _instances["Intake"][0];
    public ServiceProcess Dispatch => _instances["Dispatch"][0];
    public ServiceProcess Sla => _instances["Sla"][0];
    public ServiceProcess Complaints => _instances["Complaints"][0];
    public ServiceProcess Returns => _instances["Returns"][0];
    public IEnumerable<ServiceProcess> All => _instances.Values.SelectMany(i => i).Distinct();

    public string DataDirectory(string service) => _standalone ? Path.Combine(_root, "data") : Path.Combine(_root, "data", service.ToLowerInvariant());

    public async Task InitializeAsync()
    {
        if (_standalone)
        {
            Directory.CreateDirectory(LogDirectory);
            await File.WriteAllTextAsync(OffsetFile, "0");
            Directory.CreateDirectory(DataDirectory(Standalone));
            var host = NewInstance(Standalone, "1");
            foreach (var service in Services) _instances[service] = [host];
            await host.StartAsync();
            return;
        }
        if (!RabbitMqBroker.IsInstalled) return; // every test is a [RabbitMqFact]: skipped, saying why
        Directory.CreateDirectory(LogDirectory);
        // Every process starts at the tests' business instant (a weekday morning in Changsha), not the hour of the run.
        await File.WriteAllTextAsync(OffsetFile, TestClock.OffsetMs.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Broker.StartAsync();
        await Mail.StartAsync();
        await Robot.StartAsync();
        foreach (var service in Services)
        {
            Directory.CreateDirectory(DataDirectory(service));
            _instances[service] = [NewInstance(service, "1")];
        }
        await Task.WhenAll(All.Select(p => p.StartAsync()));
    }

    public async Task DisposeAsync()
    {
        foreach (var channel in _channels.Values) channel.Dispose();
        foreach (var process in All) await process.DisposeAsync();
        if (!_standalone) await Broker.DisposeAsync();
        // The mail server is a process of its own: left running it outlives the test run (and keeps a
        // libfaketime run of tools/test-at.sh waiting for it).
        await Mail.DisposeAsync();
        await Robot.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    /// <summary>A channel to a service's first instance whose every call carries a token for the role and branch.</summary>
    public GrpcChannel ChannelAs(ServiceProcess process, string role, string branch = "*", string? engineerId = null) =>
        Channel(process, TestTokens.For(role, branch, engineerId));

    public GrpcChannel Channel(ServiceProcess process, string? token)
    {
        return _channels.GetOrAdd($"{process.GrpcAddress}|{token}", _ =>
        {
            if (token is null) return GrpcChannel.ForAddress(process.GrpcAddress);
            var credentials = CallCredentials.FromInterceptor((_, metadata) =>
            {
                metadata.Add("Authorization", "Bearer " + token);
                return Task.CompletedTask;
            });
            return GrpcChannel.ForAddress(process.GrpcAddress, new GrpcChannelOptions
            {
                Credentials = ChannelCredentials.Create(ChannelCredentials.Insecure, credentials),
                UnsafeUseInsecureChannelCallCredentials = true,
            });
        });
    }

    /// <summary>Moves time forward for every process (they re-read the shared offset file within 100 ms).</summary>
    public async Task AdvanceClockAsync(TimeSpan by)
    {
        ControlledClock.Advance(OffsetFile, by);
        await Task.Delay(300);
    }

    public DateTimeOffset Now => new ControlledClock(OffsetFile).GetUtcNow();

    /// <summary>Starts a second instance of every service on the same data folders and broker queues.</summary>
    public async Task StartSecondInstancesAsync()
    {
        var seconds = new List<ServiceProcess>();
        foreach (var service in Services.Where(s => _instances[s].Count == 1))
        {
            var second = NewInstance(service, "2");
            _instances[service].Add(second);
            seconds.Add(second);
        }
        await Task.WhenAll(seconds.Select(p => p.StartAsync()));
    }

    public async Task StopSecondInstancesAsync()
    {
        foreach (var instances in _instances.Values)
        {
            foreach (var extra in instances.Skip(1)) await extra.DisposeAsync();
            instances.RemoveRange(1, instances.Count - 1);
        }
    }

    public IReadOnlyList<ServiceProcess> InstancesOf(string service) => _instances[service];

    /// <summary>Kills every process with SIGKILL at once and starts them again (also applies <see cref="ExtraEnvironment"/>).</summary>
    public async Task RestartAllAsync()
    {
        await Task.WhenAll(All.Select(p => p.KillAsync()));
        foreach (var process in All) process.Reconfigure(EnvironmentFor(process.Service));
        await Task.WhenAll(All.Select(p => p.StartAsync()));
    }

    public async Task<IReadOnlyList<string>> NotReadyAsync()
    {
        var down = new List<string>();
        foreach (var process in All)
        {
            if (!await process.IsReadyAsync()) down.Add(process.Name);
        }
        return down;
    }

    /// <summary>The last lines of every process's log, for a failure message.</summary>
    public string Tails(int lines = 30) => string.Join("\n", All.Select(p => p.Tail(lines)));

    /// <summary>Every branch a test files complaints in, with an owner at each escalation level (rule 20).</summary>
    public static readonly string[] Branches = ["CS", "WH", "BR-43", "BR-42", "KA", "BO", "DU", "TW", "LK", "BI", "FZ", "SK", "RK"];

    /// <summary>The shipped catalogue's branches keep their name, zone and areas; the others are added without areas.</summary>
    private static readonly string[] ShippedBranches = ["CS", "WH", "BR-43"];

    private static void AddComplaintOwners(Dictionary<string, string> env)
    {
        foreach (var branch in Branches)
        {
            IReadOnlyList<KeyValuePair<string, string?>> owners = ShippedBranches.Contains(branch)
                ? [new($"Branches:ByCode:{branch}:ServiceDirector", $"director-{branch}"),
                   new($"Branches:ByCode:{branch}:RegionalServiceManager", "regional-manager-central")]
                : TestBranches.Entry(branch, $"director-{branch}", "regional-manager-central", name: branch == "BR-42" ? "湖北省分公司" : null);
            foreach (var (key, value) in TestBranches.AsEnvironment(owners)) env[key] = value;
        }
        env["Complaints__Escalation__HeadquartersCustomerService"] = "hq-customer-service";
    }

    /// <summary>Every branch's service director: one mailbox and one group robot, both real servers on loopback.</summary>
    private void AddNotificationChannels(Dictionary<string, string> env)
    {
        env["Notifications__Smtp__Host"] = "127.0.0.1";
        env["Notifications__Smtp__Port"] = Mail.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        env["Notifications__Smtp__Security"] = "None";
        env["Notifications__Recipients__ServiceDirectors__Branch"] = "*";
        env["Notifications__Recipients__ServiceDirectors__Role"] = "service-director";
        env["Notifications__Recipients__ServiceDirectors__Emails"] = DirectorsMailbox;
        env["Notifications__Recipients__ServiceDirectors__Webhooks"] = Robot.Url("robot/directors");
        env["Notifications__Delivery__RetryAfter"] = "00:00:05";
        env["Notifications__Delivery__ScanInterval"] = "00:00:01";
    }

    private ServiceProcess NewInstance(string service, string instance) =>
        new(service, instance, EnvironmentFor(service), LogDirectory);

    private Dictionary<string, string> EnvironmentFor(string service)
    {
        var env = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["DOTNET_ENVIRONMENT"] = "Development",
            ["Database__DataDirectory"] = DataDirectory(service),
            ["Messaging__RetryIntervalsMs__0"] = "100",
            ["Messaging__RetryIntervalsMs__1"] = "500",
            ["Messaging__RetryIntervalsMs__2"] = "2000",
            ["Messaging__RetryIntervalsMs__3"] = "5000",
            ["Security__Jwt__SigningKey"] = TestTokens.SigningKey,
            ["Clock__Mode"] = "Controlled",
            ["Clock__OffsetFile"] = OffsetFile,
            ["Outbox__PollInterval"] = "00:00:00.200",
            ["Telephony__ConnectorSecret"] = ConnectorSecret,
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",
        };
        if (service == Standalone)
        {
            env["Messaging__Transport"] = "InMemory";
        }
        else
        {
            env["Messaging__Transport"] = "RabbitMq";
            env["Messaging__Host"] = "127.0.0.1";
            env["Messaging__Port"] = Broker.Port.ToString();
        }
        if (service is "Complaints" or Standalone)
        {
            AddComplaintOwners(env);
            AddNotificationChannels(env);
        }
        if (service is "Returns" or Standalone)
        {
            Apis.ReturnsCalls.AddBurstDealer(env);
        }
        foreach (var (key, value) in ExtraEnvironment) env[key] = value;
        return env;
    }
}

/// <summary>The embedded default as it ships: the standalone host alone, in-memory bus, no broker.</summary>
public sealed class StandaloneSystem() : SystemUnderTest(standalone: true);
