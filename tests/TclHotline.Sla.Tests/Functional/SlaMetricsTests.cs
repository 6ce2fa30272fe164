using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using TclHotline.Messages;
using TclHotline.Messages.Sla;
using TclHotline.Sla.Domain;
using TclHotline.Sla.Monitoring;
using TclHotline.Testing;

namespace TclHotline.Sla.Tests.Functional;

/// <summary>The meter "TclHotline.Sla" as a host records it: pending gauge, counters by kind and branch, lateness.</summary>
public sealed class SlaMetricsTests : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<(string Instrument, double Value, Dictionary<string, object?> Tags)> _measurements = new();

    public SlaMetricsTests()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == SlaMetrics.MeterName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Record(i, v, tags));
        _listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Record(i, v, tags));
        _listener.Start();
    }

    public void Dispose() => _listener.Dispose();

    [Fact]
    public async Task FiringADeadline_CountsWarningsAndTheBreachByKindAndBranch_RecordsLateness_AndTracksPending()
    {
        await using var host = await TestHost.StartAsync([new SlaModule()]);
        var now = DateTimeOffset.UtcNow;
        var set = new DeadlineSet(DeadlineOwners.Complaints, "C-METRICS-1", DeadlineKinds.Acknowledge, "GZ", now, now.AddSeconds(2), now);
        await host.Publish(set);
        await host.Until(new DeadlineKey(set.Owner, set.SubjectId, set.Kind), d => d.State == DeadlineState.Pending, "the pending deadline");
        var pendingSeen = await Eventually.Until(() => Task.FromResult(LastGauge()), v => v >= 1, TimeSpan.FromSeconds(5), "a pending count");

        await Eventually.Until(() => Task.FromResult(Sum("tclhotline.sla.breaches", set.Kind, "GZ") >= 1), TimeSpan.FromSeconds(10), "the breach counted");
        var pendingAfter = await Eventually.Until(() => Task.FromResult(LastGauge()), v => v == 0, TimeSpan.FromSeconds(5), "no pending left");

        Assert.Equal(1, pendingSeen);
        Assert.Equal(0, pendingAfter);
        Assert.Equal(2, Sum("tclhotline.sla.warnings", set.Kind, "GZ"));
        Assert.Equal(1, Sum("tclhotline.sla.breaches", set.Kind, "GZ"));
        var lateness = _measurements.Where(m => m.Instrument == "tclhotline.sla.firing.lateness" && Equals(m.Tags["kind"], set.Kind)).ToList();
        Assert.Equal(3, lateness.Count);
        Assert.All(lateness, m => Assert.InRange(m.Value, 0, 1000));
    }

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var byName = new Dictionary<string, object?>();
        foreach (var tag in tags)
        {
            byName[tag.Key] = tag.Value;
        }

        _measurements.Enqueue((instrument.Name, value, byName));
    }

    private double LastGauge()
    {
        _listener.RecordObservableInstruments();
        return _measurements.LastOrDefault(m => m.Instrument == "tclhotline.sla.deadlines.pending").Value;
    }

    private double Sum(string instrument, string kind, string branch) =>
        _measurements.Where(m => m.Instrument == instrument && Equals(m.Tags["kind"], kind) && Equals(m.Tags["branch"], branch)).Sum(m => m.Value);
}
