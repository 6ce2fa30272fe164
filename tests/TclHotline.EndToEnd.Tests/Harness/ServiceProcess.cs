using System.Diagnostics;
using System.Text;

namespace TclHotline.EndToEnd.Tests.Harness;

/// <summary>
/// One service host running as its own OS process (`dotnet TclHotline.X.Host.dll`), configured only by
/// environment variables, its stdout/stderr appended to a log file that survives restarts. Killed with
/// SIGKILL (no graceful shutdown) and restarted on the same ports and data folder.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private static readonly HttpClient Probe = new() { Timeout = TimeSpan.FromSeconds(10) };
    private Dictionary<string, string> _environment;
    private readonly object _logGate = new();
    private Process? _process;

    public ServiceProcess(string service, string instance, IReadOnlyDictionary<string, string> environment, string logDirectory)
    {
        Service = service;
        Name = $"{service.ToLowerInvariant()}-{instance}";
        GrpcPort = Testing.FreePort.Next();
        HttpPort = Testing.FreePort.Next();
        LogFile = Path.Combine(logDirectory, Name + ".log");
        _environment = WithPorts(environment);
    }

    /// <summary>Settings for the next start; the ports, log and data folder stay.</summary>
    public void Reconfigure(IReadOnlyDictionary<string, string> environment) => _environment = WithPorts(environment);

    private Dictionary<string, string> WithPorts(IReadOnlyDictionary<string, string> environment) => new(environment)
    {
        ["Kestrel__Endpoints__Grpc__Url"] = $"http://127.0.0.1:{GrpcPort}",
        ["Kestrel__Endpoints__Grpc__Protocols"] = "Http2",
        ["Kestrel__Endpoints__Http__Url"] = $"http://127.0.0.1:{HttpPort}",
        ["Kestrel__Endpoints__Http__Protocols"] = "Http1",
    };

    public string Service { get; }
    public string Name { get; }
    public int GrpcPort { get; }
    public int HttpPort { get; }
    public string LogFile { get; }
    public string GrpcAddress => $"http://127.0.0.1:{GrpcPort}";
    public string HttpAddress => $"http://127.0.0.1:{HttpPort}";
    public bool IsRunning => _process is { HasExited: false };

    public async Task StartAsync(TimeSpan? timeout = null)
    {
        if (IsRunning) return;
        var dll = RepositoryLayout.HostAssembly(Service);
        if (!File.Exists(dll)) throw new FileNotFoundException($"{dll} is not built: build the end-to-end test project (it builds every host).", dll);
        var info = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            // The content root is the working directory: the host's appsettings.json lies beside its dll.
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        info.ArgumentList.Add(dll);
        foreach (var (key, value) in _environment) info.Environment[key] = value;
        Append($"---- start {DateTimeOffset.UtcNow:O}");
        var process = Process.Start(info) ?? throw new InvalidOperationException($"{Name} did not start.");
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) Append(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Append("ERR " + e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        await WaitReadyAsync(timeout ?? TimeSpan.FromSeconds(150));
    }

    /// <summary>SIGKILL: no shutdown hooks, no flush; whatever was in flight is cut.</summary>
    public async Task KillAsync()
    {
        if (_process is null) return;
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        Append($"---- killed {DateTimeOffset.UtcNow:O}");
        _process.Dispose();
        _process = null;
    }

    public async Task RestartAsync()
    {
        await KillAsync();
        await StartAsync();
    }

    public async Task<bool> IsReadyAsync()
    {
        if (!IsRunning) return false;
        try
        {
            using var response = await Probe.GetAsync(HttpAddress + "/health/ready");
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException) { return false; }
        catch (TaskCanceledException) { return false; }
    }

    public string Tail(int lines = 40)
    {
        lock (_logGate)
        {
            if (!File.Exists(LogFile)) return $"({Name}: no log)";
            var all = File.ReadAllLines(LogFile);
            return $"== {Name} ({LogFile}), last {Math.Min(lines, all.Length)} lines:\n" + string.Join('\n', all.TakeLast(lines));
        }
    }

    public ValueTask DisposeAsync() => new(KillAsync());

    private async Task WaitReadyAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process is null || _process.HasExited)
                throw new InvalidOperationException($"{Name} exited while starting (code {_process?.ExitCode}).\n{Tail()}");
            if (await IsReadyAsync()) return;
            await Task.Delay(200);
        }
        throw new TimeoutException($"{Name} not ready within {timeout}.\n{Tail()}");
    }

    private void Append(string line)
    {
        lock (_logGate) File.AppendAllText(LogFile, line + "\n", Encoding.UTF8);
    }
}
