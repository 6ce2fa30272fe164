using Grpc.Core;
using TclHotline.EndToEnd.Tests.Harness;
using TclHotline.Grpc.Complaints.V1;
using TclHotline.Messages;
using TclHotline.Testing;

namespace TclHotline.EndToEnd.Tests.Apis;

/// <summary>
/// A burst of calls in one branch, sent in parallel lanes while a fault is injected half-way: for each
/// key a complaint filed at the desk, a repair registered at intake (dispatched and watched by the SLA
/// timer through the bus) and a dealer's pre-sale damage report at returns (which has intake open a pre-sale
/// repair order over the bus, linked back to the report and planned by dispatch); then what was stored is
/// counted against what was sent.
/// </summary>
public sealed class Burst(SystemUnderTest system, string branch, int count)
{
    private const int Lanes = 4;
    private readonly string _run = Guid.NewGuid().ToString("N")[..6];
    private readonly List<Complaint> _answers = [];
    private readonly List<Grpc.Intake.V1.ServiceOrder> _orders = [];
    private readonly List<Grpc.Returns.V1.PreSaleReport> _reports = [];

    public IReadOnlyList<string> Keys => Enumerable.Range(0, count).Select(i => $"{branch}-{_run}-{i:D3}").ToList();

    /// <summary>Sends every filing (retrying each with its key until answered) and runs the fault once half are out.</summary>
    public async Task RunAsync(Func<Task> fault, Func<int, ServiceProcess>? instanceFor = null)
    {
        var desk = new ComplaintDeskCalls(system);
        var hotline = new HotlineCalls(system);
        var returns = new ReturnsCalls(system);
        var keys = Keys;
        var halfway = new TaskCompletionSource();
        var sent = 0;
        var faultTask = Task.Run(async () => { await halfway.Task; system.Figures.Fault(); await fault(); });
        var lanes = Enumerable.Range(0, Lanes).Select(lane => Task.Run(async () =>
        {
            for (var i = lane; i < keys.Count; i += Lanes)
            {
                if (Interlocked.Increment(ref sent) == keys.Count / 2) halfway.TrySetResult();
                var answer = await desk.FileUntilAnsweredAsync(ComplaintDeskCalls.NewComplaint(branch, keys[i]), instance: instanceFor?.Invoke(i));
                var repair = HotlineCalls.BurstRepair();
                repair.IdempotencyKey = keys[i];
                var order = await hotline.RegisterUntilAnsweredAsync(repair);
                var report = await returns.ReportUntilAnsweredAsync(
                    ReturnsCalls.PreSale(ReturnsCalls.BurstDealer, ReturnsCalls.SerialFor(keys[i]), Grpc.Returns.V1.Finding.CrackedPanel, keys[i]), "WH");
                lock (_answers)
                {
                    _answers.Add(answer);
                    _orders.Add(order);
                    _reports.Add(report);
                }
            }
        })).ToList();
        await Task.WhenAll(lanes);
        halfway.TrySetResult();
        await faultTask;
    }

    /// <summary>
    /// Lost and doubled complaints as the desk lists them, once the system has settled; and the SLA timer's
    /// deadlines for them (each filed complaint's pending deadlines must reach the timer through the bus once).
    /// </summary>
    public async Task<(int Lost, int Duplicated)> CountAsync()
    {
        var listed = await new ComplaintDeskCalls(system).ListAsync(branch);
        var mine = listed.Where(c => c.SerialNumber.StartsWith($"{branch}-{_run}-", StringComparison.Ordinal)).ToList();
        var distinct = mine.Select(c => c.SerialNumber).Distinct().Count();
        var lost = Keys.Except(mine.Select(c => c.SerialNumber)).Count();
        var duplicated = mine.Count - distinct;
        // Every answer for one key is the same complaint (idempotency), however often it was sent.
        duplicated += _answers.GroupBy(a => a.SerialNumber).Sum(g => g.Select(a => a.ComplaintId).Distinct().Count() - 1);
        (lost, duplicated) = (lost + await OrdersLostAsync(), duplicated + await OrdersDoubledAsync());
        (lost, duplicated) = (lost + await ReportsLostAsync(), duplicated + await ReportsDoubledAsync());
        system.Figures.Counted(lost, duplicated);
        return (lost, duplicated);
    }

    /// <summary>Orders answered but not listed, plus orders dispatch never planned (no commitment, or neither a visit nor an escalation).</summary>
    private async Task<int> OrdersLostAsync()
    {
        var listed = (await new HotlineCalls(system).ListOrdersAsync()).Select(o => o.OrderId).ToHashSet();
        var lost = _orders.Select(o => o.OrderId).Distinct().Count(id => !listed.Contains(id));
        var hotline = new HotlineCalls(system);
        foreach (var order in _orders.DistinctBy(o => o.OrderId))
        {
            await hotline.DispatchOnceAsync(order.OrderId, d => d.Commitment is not null && (d.CurrentVisit is not null || d.Escalations.Count > 0),
                $"order {order.OrderNumber} planned by dispatch", TimeSpan.FromSeconds(60));
        }
        return lost;
    }

    /// <summary>One key, one order: the same key answered with two orders, or one unit's repair listed twice.</summary>
    private async Task<int> OrdersDoubledAsync()
    {
        var serials = _orders.Select(o => o.SerialNumber).ToHashSet();
        var listed = (await new HotlineCalls(system).ListOrdersAsync()).Where(o => serials.Contains(o.SerialNumber)).ToList();
        var doubled = listed.Count - listed.Select(o => o.SerialNumber).Distinct().Count();
        return doubled + _orders.GroupBy(o => o.SerialNumber).Sum(g => g.Select(o => o.OrderId).Distinct().Count() - 1);
    }

    /// <summary>
    /// Pre-sale reports answered but not found again, plus reports whose repair order never came back from intake
    /// or was never planned by dispatch.
    /// </summary>
    private async Task<int> ReportsLostAsync()
    {
        var returns = new ReturnsCalls(system);
        var hotline = new HotlineCalls(system);
        var lost = 0;
        foreach (var report in _reports.DistinctBy(r => r.ReportId))
        {
            try { await returns.GetAsync(report.ReportId, "WH"); }
            catch (RpcException e) when (e.StatusCode == StatusCode.NotFound) { lost++; continue; }
            var linked = await returns.LinkedAsync(report.ReportId, "WH");
            await hotline.DispatchOnceAsync(linked.OrderId, d => d.Commitment is not null && (d.CurrentVisit is not null || d.Escalations.Count > 0),
                $"pre-sale order {linked.OrderNumber} planned by dispatch", TimeSpan.FromSeconds(60));
        }
        return lost;
    }

    /// <summary>One key, one report, one pre-sale order: a key answered with two reports, or a unit's pre-sale order listed twice.</summary>
    private async Task<int> ReportsDoubledAsync()
    {
        var serials = _reports.Select(r => r.SerialNumber).ToHashSet();
        var listed = (await new HotlineCalls(system).ListOrdersAsync()).Where(o => serials.Contains(o.SerialNumber)).ToList();
        var doubled = listed.Count - listed.Select(o => o.SerialNumber).Distinct().Count();
        return doubled + _reports.GroupBy(r => r.SerialNumber).Sum(g => g.Select(r => r.ReportId).Distinct().Count() - 1);
    }

    /// <summary>Waits until the SLA timer holds exactly one on-site deadline per registered order.</summary>
    public async Task<long> SettleOrderDeadlinesAsync(TimeSpan timeout)
    {
        var ids = _orders.Select(o => o.OrderId).Distinct().ToList();
        var inList = string.Join(",", ids.Select((_, i) => "@o" + i));
        var parameters = ids.Select((s, i) => ("@o" + i, (object)s)).Append(("@owner", DeadlineOwners.Dispatch)).ToArray();
        return await Eventually.Until(
            () => ServiceFiles.CountAsync(ServiceFiles.DatabaseFile(system, "Sla", "sla"), $"SELECT COUNT(*) FROM deadlines WHERE owner = @owner AND subject_id IN ({inList})", parameters),
            n => n == ids.Count,
            timeout,
            $"{ids.Count} on-site deadlines for the orders of {branch}");
    }

    /// <summary>Waits until the SLA timer holds exactly one deadline per pending deadline of each filed complaint (its subject is "{complaint id}/{n}").</summary>
    public async Task<long> SettleDeadlinesAsync(TimeSpan timeout)
    {
        var expected = _answers.GroupBy(a => a.ComplaintId).Sum(g => g.First().PendingDeadlines.Count);
        var subjects = _answers.Select(a => a.ComplaintId).Distinct().ToList();
        var file = ServiceFiles.DatabaseFile(system, "Sla", "sla");
        var inList = string.Join(",", subjects.Select((_, i) => "@s" + i));
        var parameters = subjects.Select((s, i) => ("@s" + i, (object)s)).Append(("@owner", DeadlineOwners.Complaints)).ToArray();
        return await Eventually.Until(
            () => ServiceFiles.CountAsync(file, $"SELECT COUNT(*) FROM deadlines WHERE owner = @owner AND substr(subject_id, 1, 36) IN ({inList})", parameters),
            n => n == expected,
            timeout,
            $"{expected} SLA deadlines for the {subjects.Count} complaints of {branch}");
    }
}
