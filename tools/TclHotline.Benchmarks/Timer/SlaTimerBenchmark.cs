using System.Diagnostics;
using TclHotline.Benchmarks.Hosting;
using TclHotline.Benchmarks.Reporting;

namespace TclHotline.Benchmarks.Timer;

/// <summary>
/// The SLA host over N pending deadlines (--pending): B of them (--burst) due within one second, plus a steady
/// trickle of new ones due a few seconds after they arrive (for --warmup seconds before the burst, then for
/// --seconds from it); then a stop, B more falling due while
/// it is down, and a restart. Lateness is the DeadlineBreached outbox row's created_at minus the due
/// instant the row was written with.
/// </summary>
public sealed class SlaTimerBenchmark(string repoRoot, int pending, int burst, int arrivalsPerSecond, TimeSpan arrivalTime, TimeSpan warmUp)
{
    private readonly Dictionary<string, DateTimeOffset> _due = [];

    public async Task RunAsync()
    {
        var data = Path.Combine(Path.GetTempPath(), $"tclhotline-bench-timer-{Environment.ProcessId}");
        var file = Path.Combine(data, "sla.db");
        var settings = new Dictionary<string, string> { ["Messaging__Transport"] = "InMemory" };
        var table = new ResultTable($"SLA timer: {pending:N0} pending, {burst:N0} due in one second, {arrivalsPerSecond}/s arriving");
        try
        {
            Console.WriteLine("creating the SLA schema (first start)…");
            await (await HostProcess.StartAsync(repoRoot, "Sla", "TclHotline.Sla.Host", data, settings)).DisposeAsync();

            var loader = new DeadlineLoader(file);
            var clock = Stopwatch.StartNew();
            loader.InsertFarFuture(pending - burst, DateTimeOffset.UtcNow);
            table.Add("Loading far-future deadlines (direct inserts)", $"{pending - burst:N0} rows in {clock.Elapsed.TotalSeconds:F1} s");

            clock.Restart();
            var host = await HostProcess.StartAsync(repoRoot, "Sla", "TclHotline.Sla.Host", data, settings);
            table.Add("Start to ready with the table loaded", clock.Elapsed.TotalSeconds, " s");
            try
            {
                // The steady trickle first, so the burst meets a host that has been firing for a while (compiled by
                // the JIT's optimising tier), as a service that has run for hours would; a cold start is the restart below.
                Console.WriteLine($"warming up: {arrivalsPerSecond}/s arriving for {warmUp.TotalSeconds} s…");
                await ArriveAsync(loader, "warm", arrivalsPerSecond, warmUp);
                table.Add("Steady arrivals before the burst (warm-up)", warmUp.TotalSeconds, " s");
                // The warm-up's lateness is the timer's alone: its rows have fired before the burst is written.
                await WaitFiredAsync(data, _due.Count, TimeSpan.FromSeconds(60));
                var firedBefore = Breaches(data);
                var cpuBefore = Machine.CpuSeconds(host.Pid);
                var burstStart = DateTimeOffset.UtcNow.AddSeconds(5);
                var burstDue = Enumerable.Range(0, burst).Select(i => burstStart.AddMilliseconds(i * 1000.0 / burst)).ToList();
                Remember("burst", burstDue);
                loader.InsertDue("burst", burstDue);
                // Lateness counts from the due instant, so the burst must be committed before the first is due.
                table.Add("Burst committed before its first was due", (burstStart - DateTimeOffset.UtcNow).TotalSeconds, " s", "> 0");
                Console.WriteLine($"{burst:N0} due from {burstStart:HH:mm:ss.fff}; {arrivalsPerSecond}/s arriving for {arrivalTime.TotalSeconds} s…");
                await ArriveAsync(loader, "steady", arrivalsPerSecond, arrivalTime);
                var allFired = await WaitFiredAsync(data, _due.Count, TimeSpan.FromSeconds(120));
                var cpuFiring = Machine.CpuSeconds(host.Pid) - cpuBefore;
                var firedAfter = Breaches(data);

                var burstFired = Fired(data, "burst");
                var burstLateness = burstFired.Select(f => (double)(f.FiredMs - f.DueMs)).ToList();
                var steady = Fired(data, "steady").Select(f => (double)(f.FiredMs - f.DueMs)).ToList();
                var all = new Distribution(burstLateness.Concat(steady));
                var burstOut = burstFired.Count == 0 ? double.NaN : (burstFired.Max(f => f.FiredMs) - burstStart.ToUnixTimeMilliseconds()) / 1000.0;
                table.Add("Breaches fired / expected", $"{firedAfter:N0} / {_due.Count:N0}{(allFired ? "" : " (timed out)")}");
                table.Add("Lateness, burst and steady breaches p50 / p99 / max", $"{all.P50:F0} / {all.P99:F0} / {all.Max:F0} ms");
                var warmFired = Fired(data, "warm");
                var warm = new Distribution(warmFired.Select(f => (double)(f.FiredMs - f.DueMs)));
                // Which warm-up breaches were latest, and when in the warm-up they were due (a cold start or a stall).
                var warmStart = warmFired.Count == 0 ? 0 : warmFired.Min(f => f.DueMs);
                Console.WriteLine("latest warm-up breaches (due s after the first, ms late): " + string.Join(", ",
                    warmFired.OrderByDescending(f => f.FiredMs - f.DueMs).Take(8).Select(f => $"{(f.DueMs - warmStart) / 1000.0:F1} s: {f.FiredMs - f.DueMs}")));
                table.Add("Lateness, warm-up arrivals (no burst meanwhile) p50 / p99 / max", $"{warm.P50:F0} / {warm.P99:F0} / {warm.Max:F0} ms", "p99 ≤ 100 ms");
                var steadyD = new Distribution(steady);
                table.Add("Lateness, steady arrivals only p50 / p99 / max", $"{steadyD.P50:F0} / {steadyD.P99:F0} / {steadyD.Max:F0} ms");
                table.Add($"Burst: last of the {burst:N0} out after the first was due", burstOut, " s", "≤ 2 s");
                table.Add("Burst firing rate", burstLateness.Count / Math.Max(0.001, burstOut), "/s");
                // Host CPU from the burst's insert to the last breach, over every breach fired meanwhile: the figure a shared box distorts least.
                table.Add("SLA host CPU per breach fired from the burst's insert to the last", cpuFiring * 1e6 / Math.Max(1, firedAfter - firedBefore), " µs");
                table.Add("SLA host peak RSS (VmHWM)", host.PeakRssMb(), " MB", "≤ 300 MB");

                Console.WriteLine($"restart: stopping, letting {burst:N0} fall due while down, starting again…");
                await host.StopAsync();
                var downDue = Enumerable.Range(0, burst).Select(i => DateTimeOffset.UtcNow.AddMilliseconds(500 + i * 0.1)).ToList();
                Remember("down", downDue);
                loader.InsertDue("down", downDue);
                await Task.Delay(TimeSpan.FromSeconds(3));
                await host.DisposeAsync();
                clock.Restart();
                host = await HostProcess.StartAsync(repoRoot, "Sla", "TclHotline.Sla.Host", data, settings);
                var ready = clock.Elapsed;
                var cpuReady = Machine.CpuSeconds(host.Pid);
                var caughtUp = await WaitFiredAsync(data, _due.Count, TimeSpan.FromSeconds(120));
                var cpuCatchUp = Machine.CpuSeconds(host.Pid) - cpuReady;
                table.Add("Restart: start to ready", ready.TotalSeconds, " s");
                table.Add($"Restart: start until the {burst:N0} missed while down have fired", caughtUp ? $"{clock.Elapsed.TotalSeconds:F1} s" : "not within 120 s");
                table.Add("Restart: host CPU per missed breach fired (after ready)", cpuCatchUp * 1e6 / Math.Max(1, burst), " µs");
                table.Add("SLA host peak RSS after restart catch-up", host.PeakRssMb(), " MB", "≤ 300 MB");
                var (lost, doubled, strangers) = Count(data);
                table.Add("Lost / doubled breaches (of every deadline written due)", $"{lost:N0} / {doubled:N0}", "0 / 0");
                table.Add("Firings of far-future deadlines (none is due)", strangers, "", "0");
            }
            finally
            {
                await host.DisposeAsync();
            }
        }
        finally
        {
            table.Publish();
        }
    }

    private void Remember(string prefix, IReadOnlyList<DateTimeOffset> due)
    {
        for (var i = 0; i < due.Count; i++)
            _due[$"{prefix}-{i:0000000}"] = due[i];
    }

    /// <summary>Small transactions at a steady rate, each due 3 s after it is written.</summary>
    private async Task ArriveAsync(DeadlineLoader loader, string name, int perSecond, TimeSpan time)
    {
        var clock = Stopwatch.StartNew();
        var sent = 0;
        var tick = TimeSpan.FromMilliseconds(100);
        while (clock.Elapsed < time)
        {
            var target = (int)(clock.Elapsed.TotalSeconds * perSecond);
            if (target > sent)
            {
                var due = Enumerable.Range(0, target - sent).Select(_ => DateTimeOffset.UtcNow.AddSeconds(3)).ToList();
                var prefix = $"{name}-b{sent:0000000}";
                Remember(prefix, due);
                var writing = Stopwatch.StartNew();
                loader.InsertDue(prefix, due);
                if (writing.Elapsed > TimeSpan.FromMilliseconds(500))
                    Console.WriteLine($"{DateTimeOffset.UtcNow:HH:mm:ss.fff} writing {due.Count} {name} deadlines took {writing.Elapsed.TotalMilliseconds:F0} ms");
                sent = target;
            }

            await Task.Delay(tick);
        }
    }

    private static long Breaches(string data) =>
        OutboxBacklog.Scalar(data, "sla", "SELECT COUNT(*) FROM outbox_messages WHERE message_type LIKE '%DeadlineBreached%'");

    private static async Task<bool> WaitFiredAsync(string data, int expected, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (Breaches(data) >= expected)
                return true;
            await Task.Delay(200);
        }

        return false;
    }

    /// <summary>
    /// Over every deadline written due (burst, steady, while down): how many have no DeadlineBreached row
    /// (lost) and how many rows beyond the first a deadline has (doubled); and any outbox row of a
    /// far-future deadline, none of which is due during the run.
    /// </summary>
    private (long Lost, long Doubled, long Strangers) Count(string data)
    {
        using var connection = OutboxBacklog.ReadOnly(data, "sla");
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT aggregate_id, message_type FROM outbox_messages";
        using var reader = command.ExecuteReader();
        var breaches = new Dictionary<string, int>();
        long strangers = 0;
        while (reader.Read())
        {
            var subject = reader.GetString(0).Split('/')[1];
            if (subject.StartsWith("far-", StringComparison.Ordinal))
                strangers++;
            else if (reader.GetString(1).Contains("DeadlineBreached", StringComparison.Ordinal))
                breaches[subject] = breaches.GetValueOrDefault(subject) + 1;
        }

        var lost = _due.Keys.LongCount(k => !breaches.ContainsKey(k));
        var doubled = breaches.Values.Sum(n => (long)n - 1);
        return (lost, doubled, strangers);
    }

    /// <summary>Each DeadlineBreached row's created_at and the due instant its deadline was written with, Unix ms.</summary>
    private List<(long DueMs, long FiredMs)> Fired(string data, string prefix)
    {
        using var connection = OutboxBacklog.ReadOnly(data, "sla");
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT aggregate_id, created_at FROM outbox_messages WHERE message_type LIKE '%DeadlineBreached%'";
        using var reader = command.ExecuteReader();
        var fired = new List<(long, long)>();
        while (reader.Read())
        {
            var subject = reader.GetString(0).Split('/')[1];
            if (subject.StartsWith(prefix + "-", StringComparison.Ordinal) && _due.TryGetValue(subject, out var due))
                fired.Add((due.ToUnixTimeMilliseconds(), reader.GetInt64(1)));
        }

        return fired;
    }
}
