using TclHotline.Messages.Sla;
using TclHotline.Sla.Application;
using TclHotline.Sla.Data;
using TclHotline.Sla.Domain;

namespace TclHotline.Sla.Consumers;

// One consumer (and queue) per owner event; each only names its key and its transition.

internal sealed class DeadlineSetConsumer(SlaDatabase db, DeadlineStore store, DeadlineTimer timer, DeadlineWakeUp wakeUp)
    : DeadlineEventConsumer<DeadlineSet>(db, store, timer, wakeUp)
{
    protected override DeadlineKey KeyOf(DeadlineSet e) => new(e.Owner, e.SubjectId, e.Kind);

    protected override Deadline Apply(DeadlineTimer timer, Deadline d, DeadlineSet e) => timer.Apply(d, e);
}

internal sealed class DeadlineMetConsumer(SlaDatabase db, DeadlineStore store, DeadlineTimer timer, DeadlineWakeUp wakeUp)
    : DeadlineEventConsumer<DeadlineMet>(db, store, timer, wakeUp)
{
    protected override DeadlineKey KeyOf(DeadlineMet e) => new(e.Owner, e.SubjectId, e.Kind);

    protected override Deadline Apply(DeadlineTimer timer, Deadline d, DeadlineMet e) => timer.Apply(d, e);
}

internal sealed class DeadlineMovedConsumer(SlaDatabase db, DeadlineStore store, DeadlineTimer timer, DeadlineWakeUp wakeUp)
    : DeadlineEventConsumer<DeadlineMoved>(db, store, timer, wakeUp)
{
    protected override DeadlineKey KeyOf(DeadlineMoved e) => new(e.Owner, e.SubjectId, e.Kind);

    protected override Deadline Apply(DeadlineTimer timer, Deadline d, DeadlineMoved e) => timer.Apply(d, e);
}

internal sealed class DeadlinePausedConsumer(SlaDatabase db, DeadlineStore store, DeadlineTimer timer, DeadlineWakeUp wakeUp)
    : DeadlineEventConsumer<DeadlinePaused>(db, store, timer, wakeUp)
{
    protected override DeadlineKey KeyOf(DeadlinePaused e) => new(e.Owner, e.SubjectId, e.Kind);

    protected override Deadline Apply(DeadlineTimer timer, Deadline d, DeadlinePaused e) => timer.Apply(d, e);
}

internal sealed class DeadlineResumedConsumer(SlaDatabase db, DeadlineStore store, DeadlineTimer timer, DeadlineWakeUp wakeUp)
    : DeadlineEventConsumer<DeadlineResumed>(db, store, timer, wakeUp)
{
    protected override DeadlineKey KeyOf(DeadlineResumed e) => new(e.Owner, e.SubjectId, e.Kind);

    protected override Deadline Apply(DeadlineTimer timer, Deadline d, DeadlineResumed e) => timer.Apply(d, e);
}

internal sealed class DeadlineCancelledConsumer(SlaDatabase db, DeadlineStore store, DeadlineTimer timer, DeadlineWakeUp wakeUp)
    : DeadlineEventConsumer<DeadlineCancelled>(db, store, timer, wakeUp)
{
    protected override DeadlineKey KeyOf(DeadlineCancelled e) => new(e.Owner, e.SubjectId, e.Kind);

    protected override Deadline Apply(DeadlineTimer timer, Deadline d, DeadlineCancelled e) => timer.Apply(d, e);
}
