using System.Diagnostics;
using TclHotline.Testing;

namespace TclHotline.Benchmarks.Hosting;

/// <summary>
/// One service host run as its own process from its Release build, on free loopback ports, with its
/// SQLite files in a given folder; output goes to a log file next to them.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    public const string SigningKey = "benchmark-signing-key-0123456789-abcdefghij";

    private readonly Process _process;
    private readonly StreamWriter _log;

    private HostProcess(Process process, StreamWriter log, int grpcPort, int httpPort, string name)
    {
        _process = process;
        _log = log;
        GrpcPort = grpcPort;
        HttpPort = httpPort;
        Name = name;
    }

    public string Name { get; }
    public int GrpcPort { get; }
    public int HttpPort { get; }
    public int Pid => _process.Id;
    public string GrpcAddress => $"http://127.0.0.1:{GrpcPort}";

    /// <summary>Starts services/&lt;folder&gt;/&lt;project&gt;/bin/Release/net10.0/&lt;project&gt;.dll and waits until /health/ready answers.</summary>
    public static async Task<HostProcess> StartAsync(string repoRoot, string folder, string project, string dataDirectory,
        IEnumerable<KeyValuePair<string, string>> settings)
    {
        var bin = Path.Combine(repoRoot, "services", folder, project, "bin", "Release", "net10.0");
        var dll = Path.Combine(bin, project + ".dll");
        if (!File.Exists(dll))
            throw new FileNotFoundException($"{dll} is missing: build it first (tools/bench.sh does).");
        int grpc = FreePort.Next(), http = FreePort.Next();
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = bin, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(dll);
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        info.Environment["Kestrel__Endpoints__Grpc__Url"] = $"http://127.0.0.1:{grpc}";
        info.Environment["Kestrel__Endpoints__Http__Url"] = $"http://127.0.0.1:{http}";
        info.Environment["Database__DataDirectory"] = dataDirectory;
        info.Environment["Limits__PermitsPerSecond"] = "0";
        info.Environment["Security__Jwt__SigningKey"] = SigningKey;
        // Console logging of every request would measure the terminal, not the service.
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        info.Environment["OTEL_SDK_DISABLED"] = "true";
        foreach (var (key, value) in settings)
            info.Environment[key] = value;
        Directory.CreateDirectory(dataDirectory);
        var log = new StreamWriter(Path.Combine(dataDirectory, project + ".log"), append: true) { AutoFlush = true };
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var host = new HostProcess(process, log, grpc, http, project);
        await host.WaitReadyAsync(TimeSpan.FromSeconds(120));
        return host;
    }

    /// <summary>How long after Start the host answered ready is not measured here; callers time it.</summary>
    private async Task WaitReadyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"{Name} exited with {_process.ExitCode} before it was ready; see its log.");
            try
            {
                if ((await http.GetAsync($"http://127.0.0.1:{HttpPort}/health/ready")).IsSuccessStatusCode)
                    return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"{Name} was not ready within {timeout}.");
    }

    /// <summary>Peak resident memory so far (VmHWM).</summary>
    public double PeakRssMb() => Reporting.Machine.PeakRssMb(_process.Id);

    /// <summary>A clean stop (SIGTERM, as an orchestrator does), killed after 30 s.</summary>
    public async Task StopAsync()
    {
        if (_process.HasExited)
            return;
        using (var term = Process.Start("kill", ["-TERM", _process.Id.ToString()]))
            await term.WaitForExitAsync();
        try
        {
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch (TimeoutException)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _process.Dispose();
        lock (_log) _log.Dispose();
    }
}
