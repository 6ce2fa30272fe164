using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using TclHotline.Benchmarks.Load;
using TclHotline.Benchmarks.Micro;
using TclHotline.Benchmarks.Timer;

// tools/bench.sh <micro|standalone|distributed|dispatch|timer> [options]: each prints a markdown table and appends it to BENCH_RESULTS.
var command = args.FirstOrDefault() ?? "";
var agents = Option("--agents", 32);
var seconds = Option("--seconds", 20);
var engineers = Option("--engineers", 150);
var capacity = Option("--capacity", 24);
// Calls per second arriving whatever the replies do (open loop); 0 = closed loop of --agents.
var rate = Option("--rate", 0);
// The hosts run from their Release builds under this root; BENCH_HOSTS_ROOT points at another checkout
// (e.g. a worktree of an older commit) to measure two builds back to back with the same load generator.
var root = Environment.GetEnvironmentVariable("BENCH_HOSTS_ROOT") is { Length: > 0 } hostsRoot ? hostsRoot : RepoRoot();
switch (command)
{
    case "micro":
        // ShortRun (3 warm-ups, 3 iterations) in process: no generated project to build on a busy box, both
        // classes under two minutes; ratios matter more than decimals here.
        var config = DefaultConfig.Instance.AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance)).WithOptions(ConfigOptions.JoinSummary);
        BenchmarkRunner.Run([typeof(WarrantyEngineBenchmarks), typeof(AssignmentPlannerBenchmarks), typeof(CallRegistrarBenchmarks)], config, args[1..]);
        break;
    case "standalone":
        await new PipelineLoadBenchmark(root, distributed: false, agents, TimeSpan.FromSeconds(seconds), engineers, capacity, rate).RunAsync();
        break;
    case "distributed":
        await new PipelineLoadBenchmark(root, distributed: true, agents, TimeSpan.FromSeconds(seconds), engineers, capacity, rate).RunAsync();
        break;
    case "dispatch":
        await new DispatchIntakeBenchmark(Option("--orders", 2000), engineers, capacity, rate, TimeSpan.FromSeconds(seconds)).RunAsync();
        break;
    case "timer":
        await new SlaTimerBenchmark(root, pending: Option("--pending", 1_000_000), burst: Option("--burst", 10_000),
            arrivalsPerSecond: Option("--arrivals", 50), arrivalTime: TimeSpan.FromSeconds(seconds), warmUp: TimeSpan.FromSeconds(Option("--warmup", 10))).RunAsync();
        break;
    default:
        Console.Error.WriteLine("usage: bench <micro|standalone|distributed|dispatch|timer> [--agents N] [--seconds S] [--engineers N] [--capacity N] [--rate R] [--pending N] [--burst N] [--arrivals N] [--warmup S] [--orders N]");
        return 2;
}

return 0;

int Option(string name, int fallback)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], out var value) ? value : fallback;
}

static string RepoRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "TclHotline.sln")))
            return dir.FullName;
    }

    return Directory.GetCurrentDirectory();
}
