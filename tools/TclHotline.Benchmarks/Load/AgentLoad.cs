using System.Collections.Concurrent;
using System.Diagnostics;
using Grpc.Core;
using TclHotline.Benchmarks.Reporting;

namespace TclHotline.Benchmarks.Load;

/// <summary>What N agents calling as fast as they can for a fixed time saw: calls, errors, latencies.</summary>
public sealed record LoadResult(int Calls, int Errors, TimeSpan Elapsed, Distribution LatencyMs, IReadOnlyList<string> ErrorSamples)
{
    public double PerSecond => Calls / Elapsed.TotalSeconds;
}

/// <summary>
/// Closed-loop load: each agent sends its next call as soon as the previous one answered, for the given
/// time. An error still counts its latency but not as a completed call.
/// </summary>
public static class AgentLoad
{
    public static async Task<LoadResult> RunAsync(int agents, TimeSpan duration, Func<int, Task> call)
    {
        var latencies = new ConcurrentBag<double[]>();
        var tally = new CallTally();
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, agents).Select(agent => Task.Run(async () =>
        {
            var mine = new List<double>(4096);
            while (clock.Elapsed < duration)
            {
                var started = Stopwatch.GetTimestamp();
                await tally.CallAsync(() => call(agent));
                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }

            latencies.Add([.. mine]);
        })).ToArray();
        await Task.WhenAll(workers);
        var elapsed = clock.Elapsed;
        return tally.Result(elapsed, new Distribution(latencies.SelectMany(l => l)));
    }
}

/// <summary>Calls completed and failed, with a few error samples; an error is an RpcException, anything else ends the run.</summary>
public sealed class CallTally
{
    private readonly ConcurrentQueue<string> _samples = new();
    private int _calls;
    private int _errors;

    public async Task CallAsync(Func<Task> call)
    {
        try
        {
            await call();
            Interlocked.Increment(ref _calls);
        }
        catch (RpcException e)
        {
            Interlocked.Increment(ref _errors);
            if (_samples.Count < 5)
                _samples.Enqueue($"{e.StatusCode}: {e.Status.Detail}");
        }
    }

    public LoadResult Result(TimeSpan elapsed, Distribution latencyMs) => new(_calls, _errors, elapsed, latencyMs, [.. _samples]);
}
