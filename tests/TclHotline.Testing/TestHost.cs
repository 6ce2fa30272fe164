using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TclHotline.ServiceDefaults;
using TclHotline.ServiceDefaults.Modules;

namespace TclHotline.Testing;

/// <summary>
/// Service modules hosted for real, in this process: Kestrel on two free loopback ports (gRPC over h2c and
/// HTTP/1.1), SQLite files in a temporary folder, the in-memory bus unless a broker is given. The same
/// composition as the service hosts (HotlineApp), so what passes here is what runs.
/// </summary>
public sealed class TestHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly bool _ownsDataDirectory;

    private TestHost(WebApplication app, int grpcPort, int httpPort, string dataDirectory, bool ownsDataDirectory)
    {
        _app = app;
        GrpcAddress = $"http://127.0.0.1:{grpcPort}";
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}") };
        DataDirectory = dataDirectory;
        _ownsDataDirectory = ownsDataDirectory;
    }

    public string GrpcAddress { get; }
    public HttpClient Http { get; }
    public string DataDirectory { get; }
    public IServiceProvider Services => _app.Services;

    public static async Task<TestHost> StartAsync(
        IServiceModule[] modules,
        IEnumerable<KeyValuePair<string, string?>>? settings = null,
        Action<WebApplicationBuilder>? configure = null,
        string? dataDirectory = null,
        TimeProvider? clock = null,
        string environment = "Development")
    {
        // A port free when picked can be taken before Kestrel binds it (an outgoing connection's ephemeral
        // port, say): pick again rather than fail the test.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await StartOnFreePortsAsync(modules, settings, configure, dataDirectory, clock, environment);
            }
            catch (IOException e) when (e.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException && attempt < 5)
            {
            }
        }
    }

    private static async Task<TestHost> StartOnFreePortsAsync(
        IServiceModule[] modules,
        IEnumerable<KeyValuePair<string, string?>>? settings,
        Action<WebApplicationBuilder>? configure,
        string? dataDirectory,
        TimeProvider? clock,
        string environment)
    {
        var grpcPort = FreePort.Next();
        var httpPort = FreePort.Next();
        var owns = dataDirectory is null;
        dataDirectory ??= Path.Combine(Path.GetTempPath(), "tclhotline-test-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataDirectory);
        var config = new Dictionary<string, string?>
        {
            ["Kestrel:Endpoints:Grpc:Url"] = $"http://127.0.0.1:{grpcPort}",
            ["Kestrel:Endpoints:Grpc:Protocols"] = "Http2",
            ["Kestrel:Endpoints:Http:Url"] = $"http://127.0.0.1:{httpPort}",
            ["Kestrel:Endpoints:Http:Protocols"] = "Http1",
            ["Database:DataDirectory"] = dataDirectory,
            ["Security:Jwt:SigningKey"] = TestTokens.SigningKey,
            ["Messaging:Transport"] = "InMemory",
            ["Outbox:PollInterval"] = "00:00:00.200",
            ["Messaging:RetryIntervalsMs:0"] = "50",
            ["Messaging:RetryIntervalsMs:1"] = "200",
            ["Messaging:RetryIntervalsMs:2"] = "1000",
        };
        foreach (var (key, value) in settings ?? []) config[key] = value;

        var app = HotlineApp.Create([$"--environment={environment}"], builder =>
        {
            builder.Configuration.AddInMemoryCollection(config);
            // Registered before the host's own clock, which then keeps it (e.g. TestClock.Shared).
            if (clock is not null) builder.Services.AddSingleton(clock);
            configure?.Invoke(builder);
        }, modules);
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            if (owns) DeleteDataDirectory(dataDirectory);
            throw;
        }

        return new TestHost(app, grpcPort, httpPort, dataDirectory, owns);
    }

    /// <summary>A gRPC channel whose every call carries a token for the role and branch.</summary>
    public GrpcChannel ChannelAs(string role, string branch = "*", string? engineerId = null) =>
        Channel(TestTokens.For(role, branch, engineerId));

    public GrpcChannel Channel(string? token = null)
    {
        if (token is null) return GrpcChannel.ForAddress(GrpcAddress);
        var credentials = CallCredentials.FromInterceptor((_, metadata) =>
        {
            metadata.Add("Authorization", "Bearer " + token);
            return Task.CompletedTask;
        });
        return GrpcChannel.ForAddress(GrpcAddress, new GrpcChannelOptions
        {
            Credentials = ChannelCredentials.Create(ChannelCredentials.Insecure, credentials),
            UnsafeUseInsecureChannelCallCredentials = true,
        });
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        if (_ownsDataDirectory) DeleteDataDirectory(DataDirectory);
    }

    private static void DeleteDataDirectory(string directory)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(directory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
