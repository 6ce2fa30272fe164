using System.Diagnostics;

namespace TclHotline.Testing;

/// <summary>
/// A real RabbitMQ broker on loopback for one test run: its own node name, ports, epmd and data folder, so
/// several can run side by side. Started from the OS package's /usr/lib/rabbitmq/bin (no systemd), stopped
/// by pid. <see cref="StopAsync"/> and <see cref="StartAsync"/> can be repeated to simulate an outage;
/// queues and messages survive (same data folder).
/// </summary>
public sealed class RabbitMqBroker : IAsyncDisposable
{
    public const string ServerBinary = "/usr/lib/rabbitmq/bin/rabbitmq-server";
    private const string Ctl = "/usr/lib/rabbitmq/bin/rabbitmqctl";

    private readonly string _dir;
    private readonly int _distPort = FreePort.Next();
    private readonly int _epmdPort = FreePort.Next();
    private Process? _server;

    public RabbitMqBroker()
    {
        Port = FreePort.Next();
        NodeName = $"tclhotline-test-{Port}@localhost";
        _dir = Path.Combine(Path.GetTempPath(), "tclhotline-rabbit-" + Port);
        Directory.CreateDirectory(_dir);
        File.WriteAllText(Path.Combine(_dir, "enabled_plugins"), "[].");
        WriteErlangCookie(_dir);
    }

    /// <summary>
    /// The server and rabbitmqctl authenticate with $HOME/.erlang.cookie. Left to them, both create it when
    /// missing; started together they can each write a different one, and every rabbitmqctl call is then
    /// rejected ("Invalid challenge reply"). So the cookie exists, readable by its owner only, before either runs.
    /// </summary>
    private static void WriteErlangCookie(string home)
    {
        var path = Path.Combine(home, ".erlang.cookie");
        if (File.Exists(path))
            return;
        File.WriteAllText(path, Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)));
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(path, UnixFileMode.UserRead);
    }

    public int Port { get; }
    public string NodeName { get; }

    public static bool IsInstalled => File.Exists(ServerBinary);

    /// <summary>Configuration that points a host at this broker.</summary>
    public IEnumerable<KeyValuePair<string, string?>> Configuration =>
    [
        new("Messaging:Transport", "RabbitMq"),
        new("Messaging:Host", "127.0.0.1"),
        new("Messaging:Port", Port.ToString()),
    ];

    public async Task StartAsync()
    {
        if (!IsInstalled)
            throw new InvalidOperationException($"{ServerBinary} is missing: install the rabbitmq-server package (the test command does).");
        // A pid file left by a broker that was killed names a process that is gone.
        File.Delete(PidFile);
        var start = Info(ServerBinary, "");
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        _server = Process.Start(start)!;
        _server.OutputDataReceived += (_, _) => { };
        _server.ErrorDataReceived += (_, _) => { };
        _server.BeginOutputReadLine();
        _server.BeginErrorReadLine();
        try
        {
            var server = _server;
            var pid = await WaitForPidFileAsync(PidFile, TimeSpan.FromSeconds(150), () => server.HasExited);
            await RunCtlAsync("wait", "--pid", pid.ToString(System.Globalization.CultureInfo.InvariantCulture), "--timeout", "150");
            await RunCtlAsync("await_startup", "--timeout", "150");
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException)
        {
            var log = LogTail();
            await StopAsync(); // a broker that did not start must not outlive the test run
            throw new InvalidOperationException($"RabbitMQ {NodeName} did not start: {e.Message}\n{log}", e);
        }
    }

    private string PidFile => Path.Combine(_dir, "pid");

    /// <summary>
    /// The pid in a RabbitMQ pid file, once the file holds a whole one. The node creates the file and then
    /// writes the pid into it; <c>rabbitmqctl wait &lt;file&gt;</c> reading it in between finds it empty and fails
    /// with <c>{:garbage_in_pid_file, ...}</c> (seen on a loaded machine). So the file is read here until it
    /// parses, and rabbitmqctl is given the pid. deploy/local/common.sh (wait_for_pid_file) does the same in bash.
    /// </summary>
    /// <param name="launcherExited">True once the process that should write the file is gone: stop waiting.</param>
    public static async Task<int> WaitForPidFileAsync(string path, TimeSpan timeout, Func<bool>? launcherExited = null)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            string text;
            try { text = await File.ReadAllTextAsync(path); }
            catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or IOException) { text = ""; }
            if (int.TryParse(text.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var pid))
                return pid;
            if (launcherExited?.Invoke() == true)
                throw new InvalidOperationException($"the broker exited before writing its pid to {path}");
            if (DateTime.UtcNow >= deadline)
                throw new TimeoutException($"no pid in {path} after {timeout.TotalSeconds:0} s");
            await Task.Delay(100);
        }
    }

    /// <summary>
    /// Stops the broker the way an operator does (rabbitmqctl stop, waiting for the pid to exit), falling back
    /// to killing it by pid, then its epmd; the data folder stays for a restart.
    /// </summary>
    public async Task StopAsync()
    {
        var pidFile = PidFile;
        if (File.Exists(pidFile))
        {
            try { await RunCtlAsync("stop", pidFile); }
            catch (InvalidOperationException) { /* not answering: killed below */ }
        }
        if (File.Exists(pidFile) && int.TryParse((await File.ReadAllTextAsync(pidFile)).Trim(), out var pid))
        {
            try
            {
                using var beam = Process.GetProcessById(pid);
                beam.Kill();
                await beam.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
            }
            catch (ArgumentException) { /* already gone */ }
        }
        if (File.Exists(pidFile))
        {
            File.Delete(pidFile);
        }
        if (_server is { HasExited: false })
        {
            _server.Kill(entireProcessTree: true);
            await _server.WaitForExitAsync();
        }
        _server?.Dispose();
        _server = null;
        KillEpmd();
    }

    /// <summary>A new, empty virtual host on this broker (a fresh broker as far as its users can tell), open to guest.</summary>
    public async Task<string> AddVirtualHostAsync()
    {
        var name = "fresh-" + Guid.NewGuid().ToString("N")[..8];
        await RunCtlAsync("add_vhost", name);
        await RunCtlAsync("set_permissions", "-p", name, "guest", ".*", ".*", ".*");
        return name;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private string LogTail()
    {
        var logs = Directory.Exists(Path.Combine(_dir, "log")) ? Directory.GetFiles(Path.Combine(_dir, "log"), "*.log") : [];
        return string.Join("\n", logs.Select(f => $"--- {Path.GetFileName(f)}\n" + string.Join("\n", File.ReadLines(f).TakeLast(30))));
    }

    private void KillEpmd()
    {
        foreach (var process in Process.GetProcessesByName("epmd"))
        {
            try
            {
                var cmdline = File.ReadAllText($"/proc/{process.Id}/environ");
                if (cmdline.Contains($"ERL_EPMD_PORT={_epmdPort}\0", StringComparison.Ordinal) || cmdline.Contains($"ERL_EPMD_PORT={_epmdPort}", StringComparison.Ordinal))
                    process.Kill();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException) { }
            finally { process.Dispose(); }
        }
    }

    /// <summary>
    /// Messages a queue holds, ready or delivered but not yet acknowledged: 0 once its consumers have handled
    /// (and acknowledged) everything sent to it.
    /// </summary>
    public async Task<int> MessagesInAsync(string queue)
    {
        var listing = await RunCtlAsync("list_queues", "--quiet", "--no-table-headers", "name", "messages");
        var line = listing.Split('\n').Select(l => l.Split('\t', ' ')).FirstOrDefault(f => f.Length >= 2 && f[0] == queue)
            ?? throw new InvalidOperationException($"queue {queue} is not declared: {listing}");
        return int.Parse(line[^1], System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Messages waiting for the consumers of every queue whose name starts with <paramref name="prefix"/> (e.g. one
    /// service's queues); the error and skipped queues, which nobody consumes, are left out.
    /// </summary>
    public async Task<int> MessagesInQueuesAsync(string prefix) =>
        (await QueuesAsync(prefix)).Sum(q => q.Messages);

    /// <summary>The queues named with <paramref name="prefix"/> that no consumer reads now (e.g. while their service reconnects).</summary>
    public async Task<IReadOnlyList<string>> QueuesWithoutConsumersAsync(string prefix) =>
        [.. (await QueuesAsync(prefix)).Where(q => q.Consumers == 0).Select(q => q.Name)];

    /// <summary>The working queues named with <paramref name="prefix"/> (not their _error/_skipped companions).</summary>
    private async Task<List<(string Name, int Messages, int Consumers)>> QueuesAsync(string prefix)
    {
        var listing = await RunCtlAsync("list_queues", "--quiet", "--no-table-headers", "name", "messages", "consumers");
        return [.. listing.Split('\n').Select(l => l.Split('\t', ' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(f => f.Length >= 3 && f[0].StartsWith(prefix, StringComparison.Ordinal)
                && !f[0].EndsWith("_error", StringComparison.Ordinal) && !f[0].EndsWith("_skipped", StringComparison.Ordinal))
            .Select(f => (f[0], int.Parse(f[1], System.Globalization.CultureInfo.InvariantCulture), int.Parse(f[2], System.Globalization.CultureInfo.InvariantCulture)))];
    }

    private async Task<string> RunCtlAsync(params string[] args)
    {
        var info = Info(Ctl, "");
        info.ArgumentList.Add("-n");
        info.ArgumentList.Add(NodeName);
        foreach (var a in args) info.ArgumentList.Add(a);
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        using var ctl = Process.Start(info)!;
        var output = ctl.StandardOutput.ReadToEndAsync();
        var error = ctl.StandardError.ReadToEndAsync();
        try
        {
            await ctl.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(180));
        }
        catch (TimeoutException)
        {
            // A rabbitmqctl that cannot reach its node must not outlive the test run.
            ctl.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"rabbitmqctl {string.Join(' ', args)} did not finish within 180 s");
        }
        if (ctl.ExitCode != 0)
            throw new InvalidOperationException($"rabbitmqctl {string.Join(' ', args)} failed ({ctl.ExitCode}): {await output} {await error}");
        return await output;
    }

    private ProcessStartInfo Info(string file, string arguments)
    {
        var info = new ProcessStartInfo(file, arguments) { UseShellExecute = false, WorkingDirectory = _dir };
        info.Environment["HOME"] = _dir;
        info.Environment["ERL_EPMD_ADDRESS"] = "127.0.0.1";
        info.Environment["ERL_EPMD_PORT"] = _epmdPort.ToString();
        info.Environment["RABBITMQ_NODENAME"] = NodeName;
        info.Environment["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1";
        info.Environment["RABBITMQ_NODE_PORT"] = Port.ToString();
        info.Environment["RABBITMQ_DIST_PORT"] = _distPort.ToString();
        info.Environment["RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS"] = "-kernel inet_dist_use_interface {127,0,0,1}";
        info.Environment["RABBITMQ_MNESIA_BASE"] = Path.Combine(_dir, "mnesia");
        info.Environment["RABBITMQ_LOG_BASE"] = Path.Combine(_dir, "log");
        info.Environment["RABBITMQ_PID_FILE"] = PidFile;
        info.Environment["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(_dir, "enabled_plugins");
        return info;
    }
}
