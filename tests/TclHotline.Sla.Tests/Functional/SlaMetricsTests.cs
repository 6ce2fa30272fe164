using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using TclHotline.Messages;
using TclHotline.Messages.Sla;
using TclHotline.Sla.Application;
using TclHotline.Sla.Tests.Support;
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
    public async Task Firing_a_deadline_counts_warnings_and_the_breach_by_kind_and_branch_records_lateness_and_tracks_pending()
    {
        // The gauge is refreshed on its own loop every PendingCountInterval (30 s by default).
        await using var host = await TestHost.StartAsync([new SlaModule()], [new("Sla:PendingCountInterval", "00:00:00.500")]);
        var now = DateTimeOffset.UtcNow;
        // One deadline far ahead stays pending throughout; the short one fires and leaves the count.
        var later = new DeadlineSet(DeadlineOwners.Complaints, "C-METRICS-LATER", DeadlineKinds.Resolve, "SH", now, now.AddHours(1), now);
        var set = new DeadlineSet(DeadlineOwners.Complaints, "C-METRICS-1", DeadlineKinds.Acknowledge, "GZ", now, now.AddSeconds(3), now);
        await host.Publish(later);
        await host.Publish(set);
        await Eventually.Until(() => Task.FromResult(LastGauge()), v => v >= 1, TimeSpan.FromSeconds(10), "a pending count");

        await Eventually.Until(() => Task.FromResult(Sum("tclhotline.sla.breaches", set.Kind, "GZ") >= 1), TimeSpan.FromSeconds(10), "the breach counted");
        var pendingAfter = await Eventually.Until(() => Task.FromResult(LastGauge()), v => v == 1, TimeSpan.FromSeconds(5), "only the later deadline pending");

        Assert.Equal(1, pendingAfter);
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
