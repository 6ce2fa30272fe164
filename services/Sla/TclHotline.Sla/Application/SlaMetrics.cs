using System.Diagnostics.Metrics;
using TclHotline.Sla.Domain;

namespace TclHotline.Sla.Application;

/// <summary>The SLA timer's own metrics (meter "TclHotline.Sla", exported with every "TclHotline*" meter).</summary>
internal sealed class SlaMetrics
{
    public const string MeterName = "TclHotline.Sla";

    private readonly Counter<long> _warnings;
    private readonly Counter<long> _breaches;
    private readonly Histogram<double> _lateness;
    private long _pending;

    public SlaMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        meter.CreateObservableGauge(
            "tclhotline.sla.deadlines.pending", () => Interlocked.Read(ref _pending), unit: "{deadline}",
            description: "Deadlines with a warning or breach still to fire, as last counted by the scanner");
        _warnings = meter.CreateCounter<long>("tclhotline.sla.warnings", unit: "{warning}", description: "Warnings published, by kind and branch");
        _breaches = meter.CreateCounter<long>("tclhotline.sla.breaches", unit: "{breach}", description: "Breaches published, by kind and branch");
        _lateness = meter.CreateHistogram<double>("tclhotline.sla.firing.lateness", unit: "ms", description: "From when a warning or breach was due to when it fired");
    }

    public void CountPending(long pending) => Interlocked.Exchange(ref _pending, pending);

    public void Fired(Deadline deadline, IEnumerable<DeadlineFiring> firings)
    {
        var kind = new KeyValuePair<string, object?>("kind", deadline.Kind);
        var branch = new KeyValuePair<string, object?>("branch", deadline.BranchCode);
        foreach (var firing in firings)
        {
            var counter = firing.Kind == FiringKind.Warning ? _warnings : _breaches;
            counter.Add(1, kind, branch);
            _lateness.Record(firing.Lateness.TotalMilliseconds, kind, new KeyValuePair<string, object?>("firing", firing.Kind.ToString()));
        }
    }
}
