using TclHotline.Dispatch.Domain.Network;

namespace TclHotline.Dispatch.Domain.Board;

/// <summary>A commitment as the score counts it: met when the engineer arrived by the due time.</summary>
public readonly record struct KeptOrMissed(DateTimeOffset DueAt, DateTimeOffset? ArrivedAt)
{
    public bool Met => ArrivedAt <= DueAt;

    /// <summary>When it was decided: at the arrival when met, at the due time when missed.</summary>
    public DateTimeOffset DecidedAt => Met ? ArrivedAt!.Value : DueAt;
}

public readonly record struct MetShare(int Met, int Decided)
{
    /// <summary>Null when nothing was decided in the period: no score, rather than 0 % or 100 %.</summary>
    public double? Fraction => Decided == 0 ? null : (double)Met / Decided;
}

/// <summary>A branch's share of commitments met, today and this month in branch time.</summary>
public static class CommitmentShare
{
    public static (MetShare Today, MetShare ThisMonth) Of(IEnumerable<KeptOrMissed> commitments, BranchClock clock, DateTimeOffset now)
    {
        var today = clock.LocalDate(now);
        var decided = commitments.Where(c => c.DecidedAt <= now).Select(c => (c.Met, Day: clock.LocalDate(c.DecidedAt))).ToList();
        var month = decided.Where(c => c.Day.Year == today.Year && c.Day.Month == today.Month).ToList();
        var day = month.Where(c => c.Day == today).ToList();
        return (new MetShare(day.Count(c => c.Met), day.Count), new MetShare(month.Count(c => c.Met), month.Count));
    }
}
