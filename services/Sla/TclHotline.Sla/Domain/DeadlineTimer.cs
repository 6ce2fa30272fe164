using TclHotline.Messages.Sla;

namespace TclHotline.Sla.Domain;

/// <summary>
/// The SLA timer's rules over one deadline: applies owner events and fires warnings and the
/// breach. Pure: the caller loads and stores the row; an unchanged result is the same instance
/// with the same version.
/// Firing rules:
/// - Each warning fraction fires once, in ascending order; a fraction at or below one already
///   sent never fires again (after a move, fractions are of the new span StartsAt → DueAt).
/// - The breach fires once per deadline; a later move or re-set does not re-arm it.
/// - Nothing fires while paused or before the DeadlineSet arrived.
/// - After downtime everything overdue fires at once, warnings first then the breach, each with
///   its own lateness: the warnings are kept although the breach supersedes them, so every
///   consumer sees the same sequence whether or not the scanner was down.
/// - Once met or cancelled, warnings stop (they ask for action no longer needed), but a breach
///   whose due time passed before the stop still fires: the promise was missed.
/// </summary>
public sealed class DeadlineTimer(WarningFractions fractions)
{
    public DeadlineTimer(SlaOptions options)
        : this(WarningFractions.From(options))
    {
    }

    public Deadline Apply(Deadline d, DeadlineSet e) => Settle(d, DeadlineTransitions.Set(d, e));

    public Deadline Apply(Deadline d, DeadlineMoved e) => Settle(d, DeadlineTransitions.Move(d, e));

    public Deadline Apply(Deadline d, DeadlinePaused e) => Settle(d, DeadlineTransitions.Pause(d, e));

    public Deadline Apply(Deadline d, DeadlineResumed e) => Settle(d, DeadlineTransitions.Resume(d, e));

    public Deadline Apply(Deadline d, DeadlineMet e) => Settle(d, DeadlineTransitions.Meet(d, e));

    public Deadline Apply(Deadline d, DeadlineCancelled e) => Settle(d, DeadlineTransitions.Cancel(d, e));

    public FireResult Fire(Deadline d, DateTimeOffset now)
    {
        now = now.ToUniversalTime();
        if (NextFireAt(d) is not { } next || now < next)
        {
            return new FireResult(d, []);
        }

        var firings = new List<DeadlineFiring>();
        var fired = d;
        var due = d.StoppedAt is { } stop ? d.DueAsOf(stop)!.Value : d.EffectiveDueAt!.Value;
        if (d.StoppedAt is null)
        {
            foreach (var fraction in UnsentFractions(d))
            {
                var instant = d.WarningInstant(fraction)!.Value;
                if (instant > now)
                {
                    break;
                }

                firings.Add(new DeadlineFiring(FiringKind.Warning, fraction, instant, due, now));
                fired = fired with { WarnedFraction = fraction };
            }
        }

        if (now >= due)
        {
            firings.Add(new DeadlineFiring(FiringKind.Breach, null, due, due, now));
            fired = fired with { BreachedAt = now };
        }

        return new FireResult(Settle(d, fired), firings);
    }

    /// <summary>Derives state, lateness and next fire from the facts, and bumps the version on change.</summary>
    private Deadline Settle(Deadline before, Deadline after)
    {
        var settled = after with { State = StateOf(after), Lateness = LatenessOf(after), NextFireAt = NextFireAt(after) };
        return settled == before ? before : settled with { Version = before.Version + 1 };
    }

    private DateTimeOffset? NextFireAt(Deadline d)
    {
        if (d.SetAt is null || d.BreachedAt is not null || d.EffectiveDueAt is not { } due)
        {
            return null;
        }

        if (d.StoppedAt is { } stop)
        {
            return d.DueAsOf(stop) is { } dueAtStop && stop > dueAtStop ? dueAtStop : null;
        }

        if (d.IsPaused)
        {
            return null;
        }

        return UnsentFractions(d).Select(f => d.WarningInstant(f)).FirstOrDefault() ?? due;
    }

    private IEnumerable<double> UnsentFractions(Deadline d) => fractions.Ascending.Where(f => f > d.WarnedFraction);

    private static DeadlineState StateOf(Deadline d) => d switch
    {
        { MetAt: not null } => DeadlineState.Met,
        { CancelledAt: not null } => DeadlineState.Cancelled,
        { SetAt: null } => DeadlineState.AwaitingSet,
        { BreachedAt: not null } => DeadlineState.Breached,
        _ => DeadlineState.Pending,
    };

    private static TimeSpan? LatenessOf(Deadline d) =>
        d.MetAt is { } metAt && d.DueAsOf(metAt) is { } due && metAt > due ? metAt - due : null;
}
