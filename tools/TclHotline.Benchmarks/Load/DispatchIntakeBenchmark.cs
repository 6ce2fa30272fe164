using System.Diagnostics;
using Grpc.Core;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using TclHotline.Benchmarks.Hosting;
using TclHotline.Benchmarks.Reporting;
using TclHotline.Dispatch;
using TclHotline.Messages.Intake;
using TclHotline.ServiceDefaults.Security;
using TclHotline.Testing;

namespace TclHotline.Benchmarks.Load;

/// <summary>
/// Dispatch's order intake alone, without intake and gRPC in front of it: the dispatch module hosted in this
/// process as the standalone host hosts it (real SQLite file, in-memory bus, outbox), business time from a clock
/// that starts on a weekday morning in Changsha and runs with real time. New urban orders are published straight
/// onto the bus, either all at once (a backlog, as intake's outbox releases after a burst) or at a rate (open loop).
/// The figures: orders taken in per second, this process's CPU per order, and registration → engineer assigned or
/// escalated from dispatch's own records.
/// </summary>
public sealed class DispatchIntakeBenchmark(int orders, int engineers, int dailyCapacity, double rate, TimeSpan duration)
{
    private static readonly string[] Types = ["Repair", "Repair", "Repair", "Installation", "WallMount"];

    public async Task RunAsync()
    {
        var clock = TestClock.Create();
        await using var host = await TestHost.StartAsync([new DispatchModule()], [new("Logging:LogLevel:Default", "Warning")], clock: clock);
        var token = DevelopmentTokens.Mint(TestTokens.SigningKey, "bench-admin", [HotlineRoles.Administrator, HotlineRoles.Dispatcher], "CS");
        Console.WriteLine($"adding {engineers} round-the-clock engineers of {dailyCapacity} visits a day to Changsha…");
        await BenchmarkRoster.AddAsync(host.GrpcAddress, new Metadata { { "Authorization", $"Bearer {token}" } }, engineers, dailyCapacity);
        var bus = host.Services.GetRequiredService<IBus>();
        var number = 0;
        Task Open() => bus.Publish(new ServiceOrderOpened(NewId.NextGuid(), $"SO-BENCH-{++number:000000}", clock.GetUtcNow(),
            Types[number % Types.Length], "CS", "43", "4301", CallMix.UrbanDistricts[number % CallMix.UrbanDistricts.Length], true, "压测", "13800000000",
            "五一大道 1 号", "75V8", $"SN{number:000000}", "NoPicture", InWarranty: true, ExchangeEligible: false, null, null));

        Console.WriteLine("warming up (100 orders)…");
        var warmSince = clock.GetUtcNow().ToUnixTimeMilliseconds();
        for (var i = 0; i < 100; i++) await Open();
        await WaitTakenInAsync(host.DataDirectory, warmSince, 100, TimeSpan.FromSeconds(60));

        var since = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var self = Process.GetCurrentProcess();
        var cpuBefore = self.TotalProcessorTime;
        // Allocation does not depend on how busy the box is: a figure two runs on a shared machine can compare.
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: false);
        var collectionsBefore = GC.CollectionCount(0);
        var elapsed = Stopwatch.StartNew();
        int total;
        if (rate > 0)
        {
            Console.WriteLine($"orders arriving at {rate}/s (open loop), {duration.TotalSeconds} s…");
            total = (int)(rate * duration.TotalSeconds);
            await OpenLoad.RunAsync(rate, duration, _ => Open());
        }
        else
        {
            Console.WriteLine($"{orders} orders published at once…");
            total = orders;
            for (var i = 0; i < orders; i++) await Open();
        }

        var published = elapsed.Elapsed;
        var takenIn = await WaitTakenInAsync(host.DataDirectory, since, total, TimeSpan.FromSeconds(300));
        var done = elapsed.Elapsed;
        self.Refresh();
        var cpu = (self.TotalProcessorTime - cpuBefore).TotalSeconds;
        var allocated = GC.GetTotalAllocatedBytes(precise: false) - allocatedBefore;
        var collections = GC.CollectionCount(0) - collectionsBefore;
        var latency = DispatchLatency.Read(host.DataDirectory, since);
        var doubled = OutboxBacklog.Scalar(host.DataDirectory, "dispatch",
            "SELECT COUNT(*) FROM (SELECT order_id FROM visits WHERE status NOT IN ('Reassigned', 'Cancelled') GROUP BY order_id HAVING COUNT(*) > 1)");

        var table = new ResultTable("Dispatch order intake alone (dispatch module in process, in-memory bus, SQLite)");
        table.Add(rate > 0 ? "Orders arriving (open loop) × time" : "Orders published at once",
            rate > 0 ? $"{rate}/s × {duration.TotalSeconds:F0} s ({total} orders)" : $"{total} (published in {published.TotalSeconds:F1} s)");
        table.Add("Engineers added to Changsha × visits a day", $"{engineers} × {dailyCapacity} (plus the seed network)");
        table.Add("Taken in", takenIn ? $"all {total} in {done.TotalSeconds:F1} s" : $"NO: {latency.OrdersSeen} of {total} after {done.TotalSeconds:F0} s");
        table.Add("Orders taken in per second (first publish to last taken in)", latency.OrdersSeen / done.TotalSeconds, "/s");
        table.Add("CPU per order (this process, 100 % = 1 core)", $"{cpu * 1000 / Math.Max(1, latency.OrdersSeen):F2} ms ({cpu:F1} s, {cpu / done.TotalSeconds * 100:F0} % of a core)");
        table.Add("Allocated per order (this process) / garbage collections",
            $"{allocated / 1024.0 / Math.Max(1, latency.OrdersSeen):F0} KB / {collections}");
        table.Add("Assigned / escalated at once", $"{latency.AssignedMs.Count} / {latency.EscalatedMs.Count}");
        table.Add("Registration → engineer assigned or escalated p50 / p99 / max",
            $"{latency.DecidedMs.P50:F0} / {latency.DecidedMs.P99:F0} / {latency.DecidedMs.Max:F0} ms", rate > 0 ? "p99 ≤ 500 ms" : "");
        table.Add("Orders with two live visits (doubled)", doubled.ToString(), "0");
        table.Publish();
    }

    private static async Task<bool> WaitTakenInAsync(string data, long since, int count, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (DispatchLatency.Read(data, since).OrdersSeen >= count)
                return true;
            await Task.Delay(100);
        }

        return false;
    }
}
