using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TclHotline.ServiceDefaults.Database;

namespace TclHotline.Deployment.Tests;

/// <summary>
/// What a host really is, taken from the host itself: its own Program runs (its own modules, its own content
/// root and appsettings) up to the moment the host is built, and the built host is asked which databases it
/// opens and which queues its bus declares. Nothing here lists a module by hand.
/// </summary>
public sealed class HostComposition
{
    /// <summary>The databases the host's modules open (<c>ConnectionStrings:&lt;name&gt;</c>, <c>&lt;name&gt;.db</c>).</summary>
    public required IReadOnlyList<string> Databases { get; init; }

    /// <summary>Every receive endpoint its bus declares: one queue per consumer, named by the module that owns it.</summary>
    public required IReadOnlyList<string> Queues { get; init; }

    /// <summary>The bus's own temporary endpoint (its reply queue).</summary>
    public required string BusEndpoint { get; init; }

    /// <summary>The keys the host's appsettings.Development.json supplies: Production, which does not load it, must supply them.</summary>
    public required IReadOnlyList<string> DevelopmentSettings { get; init; }

    private static readonly Dictionary<string, HostComposition> Cache = [];
    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

    public static async Task<HostComposition> OfAsync(HostDeployment host)
    {
        await OneAtATime.WaitAsync();
        try
        {
            if (Cache.TryGetValue(host.Name, out var known)) return known;
            var data = Path.Combine(Path.GetTempPath(), "tclhotline-composition-" + Guid.NewGuid().ToString("N"));
            try
            {
                // In-memory bus and SQLite in a temporary folder: the same modules and endpoint names as in any deployment.
                var built = Build(host, "Development", new Dictionary<string, string?>
                {
                    ["Messaging:Transport"] = "InMemory",
                    ["Database:Provider"] = "Sqlite",
                    ["Database:DataDirectory"] = data,
                });
                List<string> databases;
                IReadOnlyList<string> queues;
                string busEndpoint;
                try
                {
                    databases = built.Services.GetServices<ServiceDatabase>().Select(d => d.Service).ToList();
                    (queues, busEndpoint) = await EndpointsAsync(built.Services.GetRequiredService<IBusControl>());
                }
                finally { await DisposeAsync(built); }
                var composition = new HostComposition
                {
                    Databases = databases,
                    Queues = queues,
                    BusEndpoint = busEndpoint,
                    DevelopmentSettings = DevelopmentKeys(host),
                };
                Cache[host.Name] = composition;
                return composition;
            }
            finally
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                try { Directory.Delete(data, recursive: true); } catch (DirectoryNotFoundException) { }
            }
        }
        finally { OneAtATime.Release(); }
    }

    /// <summary>
    /// Runs the host's own entry point with its content root and these settings (highest precedence, as a
    /// deployment's environment variables are) and returns the host as built, before anything starts: no
    /// migration, no listener, no broker connection. Whatever the host refuses at build time (a missing
    /// signing key, say) is thrown here as the host threw it.
    /// </summary>
    public static IHost Build(HostDeployment host, string environment, IReadOnlyDictionary<string, string?> settings)
    {
        var assembly = Assembly.Load(host.AssemblyName);
        var entry = assembly.EntryPoint ?? throw new InvalidOperationException($"{host.AssemblyName} has no entry point");
        string[] args =
        [
            $"--environment={environment}",
            $"--contentRoot={Repository.PathOf(host.ProjectFolder)}",
            $"--applicationName={host.AssemblyName}",
            .. settings.Where(s => s.Value is not null).Select(s => $"--{s.Key}={s.Value}"),
        ];
        using var capture = new BuiltHostCapture();
        try
        {
            entry.Invoke(null, [args]);
        }
        catch (TargetInvocationException e) when (e.InnerException is BuiltHostCapture.Captured)
        {
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
        }
        return capture.Host ?? throw new InvalidOperationException($"{host.AssemblyName} returned without building a host");
    }

    /// <summary>Disposes a host that was built but never started (some of its services are async-disposable only).</summary>
    public static async Task DisposeAsync(IHost host)
    {
        if (host is IAsyncDisposable asyncDisposable) await asyncDisposable.DisposeAsync();
        else host.Dispose();
    }

    private static async Task<(IReadOnlyList<string> Queues, string BusEndpoint)> EndpointsAsync(IBusControl bus)
    {
        var observer = new ReadyEndpoints();
        using var _ = bus.ConnectReceiveEndpointObserver(observer);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var handle = await bus.StartAsync(timeout.Token);
        try
        {
            await handle.Ready.WaitAsync(timeout.Token);
            var busEndpoint = bus.Address.AbsolutePath.Trim('/');
            return ([.. observer.Names.Where(n => n != busEndpoint).Order(StringComparer.Ordinal)], busEndpoint);
        }
        finally
        {
            await handle.StopAsync(TimeSpan.FromSeconds(30));
        }
    }

    private static List<string> DevelopmentKeys(HostDeployment host)
    {
        var file = Repository.PathOf($"{host.ProjectFolder}/appsettings.Development.json");
        var keys = new List<string>();
        if (!File.Exists(file)) return keys;
        void Walk(JsonElement element, string prefix)
        {
            if (element.ValueKind != JsonValueKind.Object) { keys.Add(prefix); return; }
            foreach (var p in element.EnumerateObject()) Walk(p.Value, prefix.Length == 0 ? p.Name : $"{prefix}:{p.Name}");
        }
        using var json = JsonDocument.Parse(File.ReadAllText(file));
        Walk(json.RootElement, "");
        return keys;
    }

    private sealed class ReadyEndpoints : IReceiveEndpointObserver
    {
        private readonly List<string> _names = [];

        public IReadOnlyList<string> Names { get { lock (_names) return [.. _names]; } }

        public Task Ready(ReceiveEndpointReady ready)
        {
            lock (_names) _names.Add(ready.InputAddress.AbsolutePath.Trim('/'));
            return Task.CompletedTask;
        }

        public Task Stopping(ReceiveEndpointStopping stopping) => Task.CompletedTask;
        public Task Completed(ReceiveEndpointCompleted completed) => Task.CompletedTask;
        public Task Faulted(ReceiveEndpointFaulted faulted) => Task.CompletedTask;
    }

    /// <summary>
    /// Catches the host that Microsoft.Extensions.Hosting announces as built ("HostBuilt", the hook test hosts
    /// use) on this thread, and stops the entry point there by throwing.
    /// </summary>
    private sealed class BuiltHostCapture : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
    {
        public sealed class Captured : Exception;

        private readonly int _thread = Environment.CurrentManagedThreadId;
        private readonly List<IDisposable> _subscriptions = [];
        private readonly IDisposable _all;

        public BuiltHostCapture() => _all = DiagnosticListener.AllListeners.Subscribe(this);

        public IHost? Host { get; private set; }

        public void OnNext(DiagnosticListener listener)
        {
            if (listener.Name != "Microsoft.Extensions.Hosting") return;
            lock (_subscriptions) _subscriptions.Add(listener.Subscribe(this));
        }

        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (Environment.CurrentManagedThreadId != _thread || Host is not null) return;
            if (value.Key == "HostBuilt" && value.Value is IHost host)
            {
                Host = host;
                throw new Captured();
            }
        }

        public void OnCompleted() { }
        public void OnError(Exception error) { }

        public void Dispose()
        {
            _all.Dispose();
            lock (_subscriptions) foreach (var s in _subscriptions) s.Dispose();
        }
    }
}
