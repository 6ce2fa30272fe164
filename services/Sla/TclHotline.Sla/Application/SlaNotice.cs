using TclHotline.Messages.Sla;

namespace TclHotline.Sla.Application;

/// <summary>
/// A warning or breach committed by any timer instance: the live feed behind WatchSlaEvents. It carries the
/// bus message (one of the two) and the deadline's branch and kind that watchers pick notices by.
/// </summary>
public sealed record SlaNotice(string BranchCode, string Kind, DeadlineWarned? Warning, DeadlineBreached? Breach)
{
    public static SlaNotice Of(object message) => message switch
    {
        DeadlineWarned w => new(w.BranchCode, w.Kind, w, null),
        DeadlineBreached b => new(b.BranchCode, b.Kind, null, b),
        _ => throw new ArgumentException($"{message.GetType().Name} is not an SLA notice.", nameof(message)),
    };
}
