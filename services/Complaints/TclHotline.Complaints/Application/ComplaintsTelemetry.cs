using System.Diagnostics;
using System.Diagnostics.Metrics;
using TclHotline.Messages.Complaints;

namespace TclHotline.Complaints.Application;

/// <summary>The complaint service's trace source and meter ("TclHotline.Complaints", exported with every TclHotline* source).</summary>
public static class ComplaintsTelemetry
{
    public const string Name = "TclHotline.Complaints";

    public static readonly ActivitySource Source = new(Name);
    public static readonly Meter Meter = new(Name);

    private static readonly Counter<long> Filed =
        Meter.CreateCounter<long>("tclhotline.complaints.filed", description: "Complaints filed, by source and category");

    private static readonly Counter<long> Escalated =
        Meter.CreateCounter<long>("tclhotline.complaints.escalated", description: "Complaints escalated, by the level reached");

    private static readonly Counter<long> StatusChanged =
        Meter.CreateCounter<long>("tclhotline.complaints.status_changed", description: "Complaint status changes, by new status");

    /// <summary>Counts what a committed change published; no customer data goes into a tag.</summary>
    public static void Count(IEnumerable<object> published)
    {
        foreach (var message in published)
        {
            switch (message)
            {
                case ComplaintFiled f:
                    Filed.Add(1, new("source", f.Source), new("category", f.Category));
                    break;
                case ComplaintEscalated e:
                    Escalated.Add(1, new KeyValuePair<string, object?>("level", e.LevelName));
                    break;
                case ComplaintStatusChanged s:
                    StatusChanged.Add(1, new KeyValuePair<string, object?>("status", s.ToStatus));
                    break;
            }
        }
    }
}
