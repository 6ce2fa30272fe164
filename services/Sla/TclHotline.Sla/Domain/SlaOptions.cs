using TclHotline.ServiceDefaults.Modules;

namespace TclHotline.Sla.Domain;

/// <summary>The SLA timer's settings (configuration section "Sla").</summary>
public sealed class SlaOptions
{
    public const string SectionName = "Sla";

    /// <summary>
    /// Shares of a deadline's span at which a warning is published, each strictly between 0 and 1.
    /// Null means the documented default (0.5, 0.8): an array default would be appended to, not
    /// replaced, by configuration binding.
    /// </summary>
    public double[]? WarningFractions { get; set; }

    public static IReadOnlyList<double> DefaultWarningFractions { get; } = [0.5, 0.8];

    /// <summary>ListAtRisk page size when the request leaves it at 0.</summary>
    [Positive]
    public int AtRiskDefaultPageSize { get; set; } = 50;

    /// <summary>ListAtRisk never returns more than this per page.</summary>
    [Positive]
    public int AtRiskMaxPageSize { get; set; } = 500;

    /// <summary>
    /// How many due deadlines one scanner round claims and fires in one transaction at most. Larger batches
    /// share the claim and the commit among more rows; the write lock is held for the whole batch.
    /// </summary>
    [Positive]
    public int ScanBatchSize { get; set; } = 1000;

    /// <summary>How long a scanner's claim holds; a claim whose holder died is taken over after it.</summary>
    [Positive]
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The longest the scanner sleeps between rounds: bounds how late a deadline set by another
    /// instance (which cannot wake this one) is found.
    /// </summary>
    [Positive]
    public TimeSpan MaxSleep { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How often the pending-deadlines gauge is refreshed. The count reads the whole pending index (0.23 s of a
    /// core with 10,000,000 pending on the 2-core benchmark box), so it is not repeated every few seconds.
    /// </summary>
    [Positive]
    public TimeSpan PendingCountInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Warnings and breaches buffered per WatchSlaEvents stream; a slower reader loses the oldest.</summary>
    [Positive]
    public int WatchBufferSize { get; set; } = 1000;
}
