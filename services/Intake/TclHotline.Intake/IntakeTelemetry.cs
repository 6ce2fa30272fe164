using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace TclHotline.Intake;

/// <summary>The intake service's own traces and metrics ("TclHotline.Intake", exported by the service defaults).</summary>
public static class IntakeTelemetry
{
    public const string Name = "TclHotline.Intake";

    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    /// <summary>Calls registered, tagged by order type and outcome (opened, answered, repeat, complaint).</summary>
    public static readonly Counter<long> CallsRegistered = Meter.CreateCounter<long>("tclhotline.intake.calls_registered");
}
