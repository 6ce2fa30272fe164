using System.Diagnostics;
using System.Text.RegularExpressions;
using TclHotline.Testing;

namespace TclHotline.Deployment.Tests;

/// <summary>
/// Starting a RabbitMQ node, the node creates its pid file and then writes the pid into it; `rabbitmqctl wait
/// &lt;file&gt;` reading it in between fails with {:garbage_in_pid_file, …} (deploy/local/start.sh did, once in five,
/// on a loaded machine). Every broker start waits for a whole pid itself and hands rabbitmqctl the pid.
/// deploy/local/start-repeatedly.sh is the slow check: ten starts in a row under CPU load.
/// </summary>
public sealed partial class BrokerStartTests
{
    private const string Ctl = "/usr/lib/rabbitmq/bin/rabbitmqctl";

    [RabbitMqFact]
    public void Rabbitmqctl_wait_given_a_pid_file_not_written_yet_fails_with_garbage_in_pid_file()
    {
        // The cause, shown with the real rabbitmqctl: an empty pid file is not "not there yet" but an error.
        var dir = Directory.CreateTempSubdirectory("tclhotline-pidfile-").FullName;
        try
        {
            var pidFile = Path.Combine(dir, "pid");
            File.WriteAllText(pidFile, "");
            File.WriteAllText(Path.Combine(dir, ".erlang.cookie"), "TCLHOTLINECOOKIE");
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(Path.Combine(dir, ".erlang.cookie"), UnixFileMode.UserRead);
            var info = new ProcessStartInfo(Ctl) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in new[] { "-n", "nobody@localhost", "wait", pidFile, "--timeout", "10" }) info.ArgumentList.Add(a);
            info.Environment["HOME"] = dir;
            using var ctl = Process.Start(info)!;
            var output = ctl.StandardOutput.ReadToEndAsync();
            var error = ctl.StandardError.ReadToEndAsync();
            // An Erlang VM starting on a loaded machine can take a minute before it reads the file.
            Assert.True(ctl.WaitForExit(TimeSpan.FromSeconds(180)), "rabbitmqctl wait did not return");

            Assert.NotEqual(0, ctl.ExitCode);
            Assert.Contains("garbage_in_pid_file", output.Result + error.Result, StringComparison.Ordinal);
        }
        finally { Directory.Delete(dir, recursive: true); }
    }

    [Fact]
    public async Task Test_broker_waits_while_the_pid_file_is_empty_then_returns_the_pid()
    {
        var file = Path.GetTempFileName(); // exists, empty: as the node leaves it between create and write
        try
        {
            var waiting = RabbitMqBroker.WaitForPidFileAsync(file, TimeSpan.FromSeconds(30));
            await Task.Delay(400);
            Assert.False(waiting.IsCompleted, "returned before the pid was written");

            await File.WriteAllTextAsync(file, "4242\n");

            Assert.Equal(4242, await waiting.WaitAsync(TimeSpan.FromSeconds(10)));
        }
        finally { File.Delete(file); }
    }

    [Fact]
    public async Task Test_broker_stops_waiting_when_the_server_exited_without_a_pid()
    {
        var file = Path.Combine(Path.GetTempPath(), "tclhotline-no-pid-" + Guid.NewGuid().ToString("N"));

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => RabbitMqBroker.WaitForPidFileAsync(file, TimeSpan.FromSeconds(30), () => true));
        Assert.Contains("exited", failure.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<TimeoutException>(() => RabbitMqBroker.WaitForPidFileAsync(file, TimeSpan.FromMilliseconds(300)));
    }

    [Fact]
    public async Task Local_script_waits_while_the_pid_file_is_empty_then_prints_the_pid()
    {
        var file = Path.GetTempFileName();
        try
        {
            var info = new ProcessStartInfo("bash") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
            info.ArgumentList.Add("-c");
            info.ArgumentList.Add($"source '{Repository.PathOf("deploy/local/common.sh")}' && wait_for_pid_file '{file}' 30");
            using var bash = Process.Start(info)!;
            var output = bash.StandardOutput.ReadToEndAsync();
            var error = bash.StandardError.ReadToEndAsync();
            await Task.Delay(400);
            Assert.False(bash.HasExited, "returned before the pid was written");

            await File.WriteAllTextAsync(file, "4242\n");
            await bash.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));

            Assert.True(bash.ExitCode == 0, await error);
            Assert.Equal("4242", (await output).Trim());
        }
        finally { File.Delete(file); }
    }

    [Fact]
    public void Every_broker_start_waits_by_pid_never_by_reading_the_pid_file()
    {
        var shell = new[] { "deploy", "tools" }
            .SelectMany(d => Directory.EnumerateFiles(Repository.PathOf(d), "*.sh", SearchOption.AllDirectories));
        var csharp = new[] { "tests/TclHotline.Testing", "tools" }
            .SelectMany(d => Directory.EnumerateFiles(Repository.PathOf(d), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

        var byFile = shell.SelectMany(f => File.ReadLines(f).Where(l => !l.TrimStart().StartsWith('#') && ShellWait().IsMatch(l) && !l.Contains("--pid", StringComparison.Ordinal)).Select(l => $"{f}: {l.Trim()}"))
            .Concat(csharp.SelectMany(f => CSharpWait().Matches(File.ReadAllText(f)).Select(m => $"{f}: {m.Value}")))
            .ToList();

        Assert.True(byFile.Count == 0, "rabbitmqctl wait given a pid file:\n" + string.Join("\n", byFile));
        Assert.Contains("wait_for_pid_file", Repository.Read("deploy/local/start.sh"), StringComparison.Ordinal);
    }

    [GeneratedRegex(@"rabbitmqctl\S*\s.*\bwait\b")]
    private static partial Regex ShellWait();

    [GeneratedRegex(@"RunCtlAsync\(\s*""wait""\s*,(?>\s*)(?!""--pid"")[^)]*\)")]
    private static partial Regex CSharpWait();
}
