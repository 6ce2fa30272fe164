using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using TclHotline.Telephony.Application;
using TclHotline.Telephony.Tests.Support;

namespace TclHotline.Telephony.Tests.Functional;

[Collection(TelephonyHostCollection.Name)]
public sealed class TelephonyMetricsTests(TelephonyHostFixture fx)
{
    [Fact]
    public async Task Calls_offered_answered_abandoned_and_their_waits_are_counted_by_queue()
    {
        const string queue = "metrics-queue";
        var sums = new ConcurrentDictionary<string, double>();
        var waits = new ConcurrentBag<double>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == TelephonyMetrics.MeterName) l.EnableMeasurementEvents(instrument);
        };
        void Take(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            foreach (var tag in tags)
            {
                if (tag.Key != "queue" || (string?)tag.Value != queue) continue;
                sums.AddOrUpdate(instrument.Name, value, (_, v) => v + value);
                if (instrument.Name.EndsWith(".wait", StringComparison.Ordinal)) waits.Add(value);
            }
        }
        listener.SetMeasurementEventCallback<long>((i, v, t, _) => Take(i, v, t));
        listener.SetMeasurementEventCallback<double>((i, v, t, _) => Take(i, v, t));
        listener.Start();

        var start = DateTimeOffset.UtcNow.AddMinutes(-5);
        await fx.Pbx.PlayOverGrpcAsync(new CallScript("call-metrics-1", start)
            .Offered("13200000070", queue).After(TimeSpan.FromSeconds(20)).Answered("agent-m1", "8111").Events);
        await fx.Pbx.PlayOverGrpcAsync(new CallScript("call-metrics-2", start)
            .Offered("13200000071", queue).After(TimeSpan.FromSeconds(40)).Abandoned(TimeSpan.FromSeconds(40)).Events);
        // Repeats are not counted again.
        await fx.Pbx.PlayOverGrpcAsync(new CallScript("call-metrics-2", start).Offered("13200000071", queue).Events);

        Assert.Equal(2, sums.GetValueOrDefault("tclhotline.telephony.calls.offered"));
        Assert.Equal(1, sums.GetValueOrDefault("tclhotline.telephony.calls.answered"));
        Assert.Equal(1, sums.GetValueOrDefault("tclhotline.telephony.calls.abandoned"));
        Assert.Equal([20.0, 40.0], waits.Order());
    }
}
