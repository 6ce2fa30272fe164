using System.Diagnostics;
using TclHotline.Testing;

namespace TclHotline.Benchmarks.Hosting;

/// <summary>
/// Queue depths of the benchmark's broker via rabbitmqctl list_queues. The broker keeps its epmd port
/// private, so it is read from the running node's environment (its pid file sits in its folder).
/// </summary>
public static class BrokerQueues
{
    private const string Ctl = "/usr/lib/rabbitmq/bin/rabbitmqctl";

    /// <returns>Queues with messages ready or unacknowledged, deepest first.</returns>
    public static async Task<IReadOnlyList<(string Queue, long Ready, long Unacked)>> ListAsync(RabbitMqBroker broker)
    {
        var dir = Path.Combine(Path.GetTempPath(), "tclhotline-rabbit-" + broker.Port);
        var pid = File.ReadAllText(Path.Combine(dir, "pid")).Trim();
        var environ = File.ReadAllText($"/proc/{pid}/environ").Split('\0');
        var info = new ProcessStartInfo(Ctl) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = dir };
        foreach (var name in new[] { "HOME", "ERL_EPMD_PORT", "ERL_EPMD_ADDRESS", "RABBITMQ_NODENAME" })
        {
            if (environ.FirstOrDefault(e => e.StartsWith(name + "=", StringComparison.Ordinal)) is { } entry)
                info.Environment[name] = entry[(name.Length + 1)..];
        }

        foreach (var arg in new[] { "-n", broker.NodeName, "-q", "list_queues", "name", "messages_ready", "messages_unacknowledged", "--no-table-headers" })
            info.ArgumentList.Add(arg);
        using var ctl = Process.Start(info)!;
        var output = await ctl.StandardOutput.ReadToEndAsync();
        await ctl.WaitForExitAsync();
        return [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('\t', ' ').Where(p => p.Length > 0).ToArray())
            .Where(p => p.Length == 3 && long.TryParse(p[1], out _))
            .Select(p => (p[0], long.Parse(p[1]), long.Parse(p[2])))
            .Where(q => q.Item2 + q.Item3 > 0)
            .OrderByDescending(q => q.Item2 + q.Item3)];
    }
}
