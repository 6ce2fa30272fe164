using TclHotline.Messages;
using TclHotline.Messages.Sla;
using TclHotline.Sla.Domain;

namespace TclHotline.Sla.Tests.Domain;

/// <summary>Owner events for one on-site deadline, stamped in hours after <see cref="T0"/>.</summary>
internal static class DeadlineEvents
{
    public static readonly DateTimeOffset T0 = new(2025, 3, 10, 1, 0, 0, TimeSpan.Zero);
    public static readonly DeadlineKey Key = new(DeadlineOwners.Dispatch, "SO-20250310-0001", DeadlineKinds.OnSite);
    public static readonly DeadlineTimer DefaultTimer = new(new SlaOptions());

    public static DateTimeOffset At(double hours) => T0.AddHours(hours);

    public static DeadlineSet Set(double startsAt = 0, double dueAt = 24, double setAt = 0, string branch = "CS") =>
        new(Key.Owner, Key.SubjectId, Key.Kind, branch, At(startsAt), At(dueAt), At(setAt));

    public static DeadlineMoved Move(double newDueAt, double movedAt, string cause = "Customer") =>
        new(Key.Owner, Key.SubjectId, Key.Kind, At(newDueAt), cause, At(movedAt));

    public static DeadlinePaused Pause(double at) => new(Key.Owner, Key.SubjectId, Key.Kind, At(at));

    public static DeadlineResumed Resume(double at) => new(Key.Owner, Key.SubjectId, Key.Kind, At(at));

    public static DeadlineMet Met(double at) => new(Key.Owner, Key.SubjectId, Key.Kind, At(at));

    public static DeadlineCancelled Cancel(double at) => new(Key.Owner, Key.SubjectId, Key.Kind, At(at));

    public static Deadline Fresh() => Deadline.Unseen(Key);

    /// <summary>Applies any owner event, as the consumers will.</summary>
    public static Deadline Apply(this DeadlineTimer timer, Deadline d, object e) => e switch
    {
        DeadlineSet set => timer.Apply(d, set),
        DeadlineMoved moved => timer.Apply(d, moved),
        DeadlinePaused paused => timer.Apply(d, paused),
        DeadlineResumed resumed => timer.Apply(d, resumed),
        DeadlineMet met => timer.Apply(d, met),
        DeadlineCancelled cancelled => timer.Apply(d, cancelled),
        _ => throw new ArgumentException($"Not a deadline event: {e.GetType().Name}", nameof(e)),
    };

    public static Deadline ApplyAll(params object[] events) => ApplyAll(DefaultTimer, events);

    public static Deadline ApplyAll(DeadlineTimer timer, IEnumerable<object> events) =>
        events.Aggregate(Fresh(), timer.Apply);

    /// <summary>The row's facts without its version, which counts applied changes and so depends on order.</summary>
    public static Deadline Facts(this Deadline d) => d with { Version = 0 };
}
