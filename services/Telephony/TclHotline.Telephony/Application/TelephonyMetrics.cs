using System.Diagnostics;
using System.Diagnostics.Metrics;
using TclHotline.Telephony.Data;
using TclHotline.Telephony.Domain;

namespace TclHotline.Telephony.Application;

/// <summary>Calls offered, answered and abandoned, and how long callers waited, by queue.</summary>
public sealed class TelephonyMetrics
{
    public const string MeterName = "TclHotline.Telephony";
    private const string UnknownQueue = "unknown";

    private readonly Counter<long> _offered;
    private readonly Counter<long> _answered;
    private readonly Counter<long> _abandoned;
    private readonly Histogram<double> _wait;

    public TelephonyMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _offered = meter.CreateCounter<long>("tclhotline.telephony.calls.offered", "{call}", "Calls offered to a queue");
        _answered = meter.CreateCounter<long>("tclhotline.telephony.calls.answered", "{call}", "Calls answered by an agent");
        _abandoned = meter.CreateCounter<long>("tclhotline.telephony.calls.abandoned", "{call}", "Calls abandoned in the queue");
        _wait = meter.CreateHistogram<double>("tclhotline.telephony.calls.wait", "s", "Time in the queue before an answer or abandonment");
    }

    /// <summary>Called once per newly recorded event, after commit.</summary>
    public void Recorded(CallEventType type, CallRow call)
    {
        var queue = new TagList { { "queue", call.Queue ?? UnknownQueue } };
        switch (type)
        {
            case CallEventType.Offered:
                _offered.Add(1, queue);
                // An answer that overtook its offer: the wait is known only now.
                if (call.AnsweredAt is { } answered) _wait.Record((answered - call.OfferedAt!.Value).TotalSeconds, queue);
                break;
            case CallEventType.Answered:
                _answered.Add(1, queue);
                if (call.OfferedAt is { } offered) _wait.Record((call.AnsweredAt!.Value - offered).TotalSeconds, queue);
                break;
            case CallEventType.Abandoned:
                _abandoned.Add(1, queue);
                _wait.Record(TimeSpan.FromMilliseconds(call.WaitMs ?? 0).TotalSeconds, queue);
                break;
        }
    }
}
