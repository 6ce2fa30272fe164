using TclHotline.ServiceDefaults.Modules;

namespace TclHotline.Complaints.Domain.EngineerQuality;

/// <summary>
/// Rule 22 thresholds. Each measure puts the engineer in a class when it crosses a limit; the worst
/// class any measure reaches is the engineer's.
/// </summary>
public sealed class EngineerQualityOptions
{
    /// <summary>Another visit to a unit within this many days (counted as Chinese law counts) of the engineer's repair makes it a repeat repair.</summary>
    [Positive]
    public int RepeatRepairWithinDays { get; set; } = 30;

    /// <summary>With fewer arrivals (or repairs) than this, the on-time (or repeat-repair) rate is too thin to judge.</summary>
    [Positive]
    public int MinimumSample { get; set; } = 5;

    /// <summary>Share of arrivals on time below which the engineer is slow: coach and watch.</summary>
    [NotNegative]
    public decimal WatchOnTimeRateBelow { get; set; } = 0.95m;

    [NotNegative]
    public decimal PoorOnTimeRateBelow { get; set; } = 0.80m;

    /// <summary>Share of repairs needing another visit above which the engineer is weak: coach and watch.</summary>
    [NotNegative]
    public decimal WatchRepeatRepairRateAbove { get; set; } = 0.05m;

    [NotNegative]
    public decimal PoorRepeatRepairRateAbove { get; set; } = 0.15m;

    [Positive]
    public int WatchComplaintsAtLeast { get; set; } = 1;

    [Positive]
    public int PoorComplaintsAtLeast { get; set; } = 3;
}
