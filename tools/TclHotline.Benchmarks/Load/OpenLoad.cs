using System.Diagnostics;
using TclHotline.Benchmarks.Reporting;

namespace TclHotline.Benchmarks.Load;

/// <summary>
/// Open-loop load: call i is sent at i / rate seconds after the start whatever the earlier calls' replies
/// do, as calls reach a hotline. A call's latency counts from when it was due, not from when the generator
/// got round to sending it, so a slow server is not hidden by a generator that waits for it.
/// </summary>
public static class OpenLoad
{
    public static async Task<(LoadResult Result, TimeSpan WorstSendLag)> RunAsync(double rate, TimeSpan duration, Func<int, Task> call)
    {
        var total = (int)(rate * duration.TotalSeconds);
        var latencies = new double[total];
        var tally = new CallTally();
        var pending = new List<Task>(total);
        var worstLag = TimeSpan.Zero;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < total; i++)
        {
            var due = TimeSpan.FromSeconds(i / rate);
            var wait = due - clock.Elapsed;
            if (wait > TimeSpan.FromMilliseconds(1))
                await Task.Delay(wait);
            var lag = clock.Elapsed - due;
            if (lag > worstLag)
                worstLag = lag;
            var index = i;
            pending.Add(Task.Run(async () =>
            {
                await tally.CallAsync(() => call(index));
                latencies[index] = (clock.Elapsed - due).TotalMilliseconds;
            }));
        }

        await Task.WhenAll(pending);
        return (tally.Result(clock.Elapsed, new Distribution(latencies)), worstLag);
    }
}
