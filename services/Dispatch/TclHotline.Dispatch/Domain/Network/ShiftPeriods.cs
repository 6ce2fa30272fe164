using System.Runtime.CompilerServices;

namespace TclHotline.Dispatch.Domain.Network;

/// <summary>
/// An engineer's shift periods over a span of time, worked out once and kept with the engineer: planning asks for
/// the periods around each candidate arrival of every candidate engineer on every order, and each answer would
/// otherwise convert a few days of shift starts and ends from branch time.
/// </summary>
public sealed class ShiftPeriods
{
    private static readonly ConditionalWeakTable<Engineer, ShiftPeriods> Kept = [];

    // Each extension takes a day more on either side, so that the next orders' nearby questions are answered from it;
    // a span grown past a month starts again from the question, so a long-lived engineer does not keep every day.
    private static readonly TimeSpan Margin = TimeSpan.FromDays(1);
    private static readonly TimeSpan LongestKept = TimeSpan.FromDays(31);

    private readonly IReadOnlyList<Shift> _shifts;
    private readonly BranchClock _clock;

    // Replaced whole, never changed, so that threads planning with the same engineer may share it.
    private Worked? _worked;

    private ShiftPeriods(IReadOnlyList<Shift> shifts, BranchClock clock)
    {
        _shifts = shifts;
        _clock = clock;
    }

    /// <summary>The periods of <paramref name="engineer"/>'s shifts on <paramref name="clock"/>, kept as long as the engineer is.</summary>
    public static ShiftPeriods Of(Engineer engineer, BranchClock clock)
    {
        if (Kept.TryGetValue(engineer, out var kept) && kept._clock == clock)
        {
            return kept;
        }

        var periods = new ShiftPeriods(engineer.Shifts, clock);
        Kept.AddOrUpdate(engineer, periods);
        return periods;
    }

    /// <summary>
    /// Periods that include every period overlapping [<paramref name="from"/>, <paramref name="to"/>] (and maybe others
    /// around it): the caller keeps those for which <see cref="WorkPeriod.Overlaps"/> holds, which are exactly the
    /// periods <see cref="Shift.PeriodsBetween"/> would give for each shift.
    /// </summary>
    public WorkPeriod[] Around(DateTimeOffset from, DateTimeOffset to)
    {
        var worked = _worked;
        if (worked is not null && worked.From <= from && to <= worked.To)
        {
            return worked.Periods;
        }

        return Extend(worked, from, to).Periods;
    }

    // Apart from Around, so that the common path does not allocate the lambda's closure.
    private Worked Extend(Worked? worked, DateTimeOffset from, DateTimeOffset to)
    {
        var start = from - Margin;
        var end = to + Margin;
        if (worked is not null)
        {
            var wider = (From: worked.From < start ? worked.From : start, To: worked.To > end ? worked.To : end);
            if (wider.To - wider.From <= LongestKept)
            {
                (start, end) = wider;
            }
        }

        // Every period overlapping a span inside [start, end] overlaps [start, end], so it is among these.
        worked = new Worked(start, end, [.. _shifts.SelectMany(s => s.PeriodsBetween(_clock, start, end))]);
        _worked = worked;
        return worked;
    }

    private sealed record Worked(DateTimeOffset From, DateTimeOffset To, WorkPeriod[] Periods);
}
