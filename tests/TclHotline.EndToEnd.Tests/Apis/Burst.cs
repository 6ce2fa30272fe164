using TclHotline.EndToEnd.Tests.Harness;
using TclHotline.Grpc.Complaints.V1;
using TclHotline.Messages;
using TclHotline.Testing;

namespace TclHotline.EndToEnd.Tests.Apis;

/// <summary>
/// A burst of complaint filings in one branch, each with its own idempotency key, sent in parallel lanes
/// while a fault is injected half-way; then what was stored is counted against what was sent.
/// </summary>
public sealed class Burst(SystemUnderTest system, string branch, int count)
{
    private const int Lanes = 4;
    private readonly string _run = Guid.NewGuid().ToString("N")[..6];
    private readonly List<Complaint> _answers = [];

    public IReadOnlyList<string> Keys => Enumerable.Range(0, count).Select(i => $"{branch}-{_run}-{i:D3}").ToList();

    /// <summary>Sends every filing (retrying each with its key until answered) and runs the fault once half are out.</summary>
    public async Task RunAsync(Func<Task> fault, Func<int, ServiceProcess>? instanceFor = null)
    {
        var desk = new ComplaintDeskCalls(system);
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
                lock (_answers) _answers.Add(answer);
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
        system.Figures.Counted(lost, duplicated);
        return (lost, duplicated);
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
