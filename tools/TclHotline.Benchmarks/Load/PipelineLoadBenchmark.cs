using System.Diagnostics;
using System.Globalization;
using System.Net;
using Grpc.Core;
using Grpc.Net.Client;
using TclHotline.Benchmarks.Hosting;
using TclHotline.Benchmarks.Reporting;
using TclHotline.Grpc.Intake.V1;
using TclHotline.ServiceDefaults.Security;
using TclHotline.Testing;

namespace TclHotline.Benchmarks.Load;

/// <summary>
/// Agents registering calls over gRPC against the standalone host or the distributed services over
/// RabbitMQ; in the same run the cheapest authenticated call of the same server under the same load as
/// a baseline; then how far the pipeline behind intake kept up.
/// </summary>
/// <remarks>
/// With a rate the registrations are an open loop (<see cref="OpenLoad"/>): calls arrive at that rate whatever the
/// replies do, and the figure that matters is registration → engineer assigned or escalated. Without one, the
/// agents are a closed loop and the run first measures the baseline.
/// </remarks>
public sealed class PipelineLoadBenchmark(string repoRoot, bool distributed, int agents, TimeSpan duration, int engineers, int dailyCapacity, double rate = 0)
{
    private static readonly string[] Services = ["intake", "telephony", "dispatch", "sla", "complaints"];
    private static readonly TimeSpan Drain = TimeSpan.FromSeconds(60);

    public async Task RunAsync()
    {
        var data = Path.Combine(Path.GetTempPath(), $"tclhotline-bench-{(distributed ? "dist" : "standalone")}-{Environment.ProcessId}");
        RabbitMqBroker? broker = null;
        var hosts = new List<HostProcess>();
        try
        {
            if (distributed)
            {
                broker = new RabbitMqBroker();
                Console.WriteLine($"starting RabbitMQ on port {broker.Port}…");
                await broker.StartAsync();
                var bus = new Dictionary<string, string>
                {
                    ["Messaging__Transport"] = "RabbitMq", ["Messaging__Host"] = "127.0.0.1", ["Messaging__Port"] = broker.Port.ToString(),
                };
                foreach (var service in new[] { "Intake", "Dispatch", "Sla", "Complaints" })
                {
                    Console.WriteLine($"starting {service} host…");
                    hosts.Add(await HostProcess.StartAsync(repoRoot, service, $"TclHotline.{service}.Host", data, bus));
                }
            }
            else
            {
                Console.WriteLine("starting the standalone host…");
                hosts.Add(await HostProcess.StartAsync(repoRoot, "Standalone", "TclHotline.Standalone", data, []));
            }

            await MeasureAsync(hosts[0], data, broker, hosts);
        }
        finally
        {
            foreach (var host in hosts)
                await host.DisposeAsync();
            if (broker is not null)
                await broker.DisposeAsync();
        }
    }

    private async Task MeasureAsync(HostProcess intakeHost, string data, RabbitMqBroker? broker, IReadOnlyList<HostProcess> hosts)
    {
        var token = DevelopmentTokens.Mint(HostProcess.SigningKey, "bench-agent",
            [HotlineRoles.Agent, HotlineRoles.Dispatcher, HotlineRoles.Administrator], "CS");
        var headers = new Metadata { { "Authorization", $"Bearer {token}" } };
        // Several HTTP/2 connections, as many agents' desktops would open; one would serialize on its stream limit.
        var channels = Enumerable.Range(0, Math.Max(1, agents / 8)).Select(_ => GrpcChannel.ForAddress(intakeHost.GrpcAddress, new GrpcChannelOptions
        {
            HttpHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true },
        })).ToArray();
        var clients = channels.Select(c => new IntakeService.IntakeServiceClient(c)).ToArray();
        // The warm-up uses 4 agents whatever the run uses.
        var mixes = Enumerable.Range(0, Math.Max(agents, 4)).Select(a => new CallMix(a + 1)).ToArray();
        IntakeService.IntakeServiceClient Client(int agent) => clients[agent % clients.Length];
        ReplyLedger? ledger = null;
        async Task Register(int agent)
        {
            var mix = mixes[agent % mixes.Length];
            RegisterCallRequest request;
            lock (mix)
                request = mix.Next();
            var reply = await Client(agent).RegisterCallAsync(request, headers);
            ledger?.Add(reply);
        }

        async Task Missing(int agent)
        {
            try
            {
                await Client(agent).GetServiceOrderAsync(new GetServiceOrderRequest { OrderNumber = $"SO-19700101-{Random.Shared.Next(1_000_000):000000}" }, headers);
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
            {
                // the expected answer: a round trip through auth, interceptors and one indexed read
            }
        }

        var dispatchHost = hosts.FirstOrDefault(h => h.Name.Contains("Dispatch", StringComparison.Ordinal)) ?? intakeHost;
        Console.WriteLine($"adding {engineers} round-the-clock engineers of {dailyCapacity} visits a day to Changsha…");
        await BenchmarkRoster.AddAsync(dispatchHost.GrpcAddress, headers, engineers, dailyCapacity);

        Console.WriteLine("warming up (5 s)…");
        await AgentLoad.RunAsync(4, TimeSpan.FromSeconds(5), Register);
        await AgentLoad.RunAsync(4, TimeSpan.FromSeconds(3), Missing);
        await WaitDrainedAsync(data, broker, 0, TimeSpan.FromSeconds(30));

        var openLoop = rate > 0;
        LoadResult? baseline = null;
        if (!openLoop)
        {
            Console.WriteLine($"baseline: GetServiceOrder of a missing id, {agents} agents, {duration.TotalSeconds} s…");
            baseline = await AgentLoad.RunAsync(agents, duration, Missing);
        }

        Console.WriteLine(openLoop ? $"registrations: RegisterCall arriving at {rate}/s (open loop), {duration.TotalSeconds} s…"
            : $"registrations: RegisterCall, {agents} agents, {duration.TotalSeconds} s…");
        var since = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        ledger = new ReplyLedger();
        // The services' processes, and in distributed mode the broker's, are the host CPU a registration costs.
        var processes = hosts.Select(h => (Name: h.Name.Replace("TclHotline.", ""), h.Pid))
            .Concat(broker is null ? [] : [(Name: "rabbitmq", Pid: BrokerPid(broker))]).ToArray();
        var cpuBefore = processes.Select(p => Machine.CpuSeconds(p.Pid)).ToArray();
        var sendLag = TimeSpan.Zero;
        LoadResult load;
        if (openLoop)
            (load, sendLag) = await OpenLoad.RunAsync(rate, duration, Register);
        else
            load = await AgentLoad.RunAsync(agents, duration, Register);
        // Read now, not when the table is printed after the drain (which would add the drain's CPU).
        var cpuLoad = processes.Select((p, i) => Machine.CpuSeconds(p.Pid) - cpuBefore[i]).ToArray();
        var cpu = processes.Select((p, i) => $"{p.Name} {cpuLoad[i] / load.Elapsed.TotalSeconds * 100:F0}%").ToArray();
        // The drain counts from the end of the load. The checks below only confirm it: listing the broker's queues
        // takes rabbitmqctl a second or more, and its counts of a quorum queue's messages lag by seconds. When the
        // pipeline was done is read afterwards from the services' own records (the last inbox mark or outbox send).
        var loadEnd = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var drainClock = Stopwatch.StartNew();
        var backlogAtEnd = Backlog(data);
        var queuesAtEnd = broker is null ? [] : await BrokerQueues.ListAsync(broker);
        var dispatchAtEnd = DispatchLatency.Read(data, since);
        var drained = await WaitDrainedAsync(data, broker, since, Drain);
        var drainTime = drainClock.Elapsed;
        var lastWork = TimeSpan.FromMilliseconds(Math.Max(0, LastWork(data, since) - loadEnd));
        // Load and drain: the work the pipeline did for these registrations, end to end.
        var cpuTotal = processes.Select((p, i) => Machine.CpuSeconds(p.Pid) - cpuBefore[i]).Sum();
        var latency = DispatchLatency.Read(data, since);
        var accounting = ledger.Check(data, since, drained);

        var table = new ResultTable(distributed ? "Distributed over RabbitMQ (intake, dispatch, sla, complaints hosts)" : "Standalone host (in-memory bus)");
        if (openLoop)
        {
            table.Add("Calls arriving (open loop) × time", $"{rate}/s × {duration.TotalSeconds:F0} s (generator's worst send lag {sendLag.TotalMilliseconds:F0} ms)");
        }
        else
        {
            table.Add("Agents (closed loop) × time", $"{agents} × {load.Elapsed.TotalSeconds:F0} s");
        }

        table.Add("Engineers added to Changsha × visits a day", $"{engineers} × {dailyCapacity} (plus the seed network)");
        if (baseline is not null)
        {
            table.Add("Baseline GetServiceOrder(missing) calls/s", baseline.PerSecond, "/s");
            table.Add("Baseline p50 / p99", $"{baseline.LatencyMs.P50:F1} / {baseline.LatencyMs.P99:F1} ms");
        }

        table.Add("Registrations/s", load.PerSecond, "/s", openLoop ? "" : distributed ? "≥ 1,000 end to end" : "≥ 2,000");
        table.Add("RegisterCall p50 / p99 / max", $"{load.LatencyMs.P50:F1} / {load.LatencyMs.P99:F1} / {load.LatencyMs.Max:F0} ms", distributed || openLoop ? "" : "p99 ≤ 50 ms");
        if (baseline is not null)
            table.Add("Registrations / baseline", $"{load.PerSecond / baseline.PerSecond * 100:F0} %", "≥ 25 %");
        table.Add("Errors (registration / baseline)", $"{load.Errors} / {baseline?.Errors ?? 0} {string.Join("; ", load.ErrorSamples.Concat(baseline?.ErrorSamples ?? []).Distinct())}");
        table.Add("Host CPU during registrations (100 % = 1 core)", string.Join(", ", cpu));
        table.Add("CPU per registration end to end (all hosts, load + drain)",
            $"{cpuTotal * 1000 / Math.Max(1, load.Calls):F2} ms ({cpuTotal:F1} s / {load.Calls} registrations)", distributed ? "" : "≤ 1 ms");
        table.Add("Unsent outbox rows at end of load", Describe(backlogAtEnd), "0 (keeps up)");
        if (broker is not null)
            table.Add("Queues not empty at end of load", queuesAtEnd.Count == 0 ? "none" : string.Join(", ", queuesAtEnd.Take(6).Select(q => $"{q.Queue} {q.Ready}+{q.Unacked}")), "none");
        table.Add("Orders dispatch had taken in at end of load / opened with a visit", $"{dispatchAtEnd.OrdersSeen} / {VisitOrders(data, since)}", "all (keeps up)");
        table.Add("Drained (outbox, queues, dispatch) after load", drained
            ? $"yes, in {lastWork.TotalSeconds:F2} s (the last message handled or sent; the checks confirmed it at {drainTime.TotalSeconds:F1} s)"
            : $"NO after {Drain.TotalSeconds} s: {Describe(Backlog(data))}");
        table.Add("Registration → engineer assigned p50 / p99 (n)",
            $"{latency.AssignedMs.P50:F0} / {latency.AssignedMs.P99:F0} ms (n={latency.AssignedMs.Count})", distributed ? "p99 ≤ 500 ms" : "");
        table.Add("Registration → escalated at once (no capacity/cover) p50 / p99 (n)",
            $"{latency.EscalatedMs.P50:F0} / {latency.EscalatedMs.P99:F0} ms (n={latency.EscalatedMs.Count})");
        table.Add("Registration → engineer assigned or escalated p50 / p99 / max (n)",
            $"{latency.DecidedMs.P50:F0} / {latency.DecidedMs.P99:F0} / {latency.DecidedMs.Max:F0} ms (n={latency.DecidedMs.Count})", openLoop ? "p99 ≤ 500 ms" : "");
        table.Add("Urban orders undecided after drain", latency.Undecided.ToString());
        table.Add("Lost / doubled (replies vs intake vs dispatch, after the drain)", accounting, "0 / 0");
        table.Add("Peak RSS per host", string.Join(", ", hosts.Select(h => $"{h.Name.Replace("TclHotline.", "")} {h.PeakRssMb():F0} MB")));
        table.Publish();
        foreach (var channel in channels)
            channel.Dispose();
    }

    /// <summary>Outboxes empty, queues empty, and dispatch has taken in every order intake opened with a visit.</summary>
    private async Task<bool> WaitDrainedAsync(string data, RabbitMqBroker? broker, long since, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            var queues = broker is null ? [] : await BrokerQueues.ListAsync(broker);
            if (Backlog(data).Values.Sum() == 0 && queues.Count == 0 && DispatchLatency.Read(data, since).OrdersSeen >= VisitOrders(data, since))
                return true;
            await Task.Delay(250);
        }

        return false;
    }

    // The in-memory bus has no queue to list: an order published but not consumed shows as missing here.
    private static long VisitOrders(string data, long since) => OutboxBacklog.Scalar(data, "intake",
        $"SELECT COUNT(*) FROM service_orders WHERE registered_at >= {since} AND status <> 'Answered'");

    /// <summary>The last instant (Unix ms) any service marked a message handled in its inbox or sent one from its outbox.</summary>
    private static long LastWork(string data, long since) =>
        Services.Append("returns").Where(s => File.Exists(Path.Combine(data, s + ".db"))).Max(s => Math.Max(
            OutboxBacklog.Scalar(data, s, $"SELECT COALESCE(MAX(processed_at), 0) FROM inbox_messages WHERE processed_at >= {since}"),
            OutboxBacklog.Scalar(data, s, $"SELECT COALESCE(MAX(sent_at), 0) FROM outbox_messages WHERE sent_at >= {since}")));

    private static Dictionary<string, long> Backlog(string data) =>
        Services.Where(s => File.Exists(Path.Combine(data, s + ".db"))).ToDictionary(s => s, s => OutboxBacklog.Unsent(data, s));

    private static string Describe(Dictionary<string, long> backlog) =>
        backlog.Values.Sum() == 0 ? "0" : string.Join(", ", backlog.Where(b => b.Value > 0).Select(b => $"{b.Key} {b.Value}"));

    private static int BrokerPid(RabbitMqBroker broker) =>
        int.Parse(File.ReadAllText(Path.Combine(Path.GetTempPath(), "tclhotline-rabbit-" + broker.Port, "pid")).Trim(), CultureInfo.InvariantCulture);
}
