using TclHotline.ServiceDefaults.Modules;

namespace TclHotline.Complaints.Domain.SystemRaised;

/// <summary>Rule 21: when chasing an open order raises a complaint by itself.</summary>
public sealed class SystemComplaintOptions
{
    /// <summary>This many repeat calls about one open order raise a complaint.</summary>
    [Positive]
    public int RepeatCallsToRaise { get; set; } = 3;

    /// <summary>
    /// Null (the default): the calls are counted over the whole life of the open order, however they are spread
    /// over days. Set, the calls must fall within one such span.
    /// </summary>
    [Positive]
    public TimeSpan? RepeatCallWindow { get; set; }

    /// <summary>Branches that want their own window (branch code → span); others use <see cref="RepeatCallWindow"/>.</summary>
    public Dictionary<string, TimeSpan> RepeatCallWindowByBranch { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public TimeSpan? WindowFor(string branchCode) =>
        RepeatCallWindowByBranch.TryGetValue(branchCode, out var window) ? window : RepeatCallWindow;
}
