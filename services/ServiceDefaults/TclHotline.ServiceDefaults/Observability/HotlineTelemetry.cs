using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace TclHotline.ServiceDefaults.Observability;

/// <summary>
/// The foundation's own trace source and meter. Services add theirs as "TclHotline.&lt;Service&gt;"; every
/// "TclHotline*" source and meter is exported.
/// </summary>
public static class HotlineTelemetry
{
    public const string Name = "TclHotline";

    public static readonly ActivitySource Source = new(Name);
    public static readonly Meter Meter = new(Name);

    public static readonly Counter<long> OutboxPublished =
        Meter.CreateCounter<long>("tclhotline.outbox.published", description: "Outbox messages published to the bus");

    public static readonly Counter<long> OutboxDeadLettered =
        Meter.CreateCounter<long>("tclhotline.outbox.dead_lettered", description: "Outbox messages moved to the dead letters after failing Outbox:MaxAttempts times");

    public static readonly Counter<long> OutboxReplayed =
        Meter.CreateCounter<long>("tclhotline.outbox.replayed", description: "Dead letters an administrator put back into the outbox");

    public static readonly Histogram<double> OutboxLag =
        Meter.CreateHistogram<double>("tclhotline.outbox.lag", unit: "ms", description: "From commit to delivered: the broker confirmed it, or on the in-memory bus every consumer committed it");
}
