using TclHotline.ServiceDefaults.Database;
using TclHotline.ServiceDefaults.Inbox;
using TclHotline.Sla.Application;
using TclHotline.Sla.Data;
using TclHotline.Sla.Domain;

namespace TclHotline.Sla.Consumers;

/// <summary>
/// One owner event applied to its deadline in the unit of work: load the row (or start an unseen one),
/// apply the timer's transition, store it with a version check. The inbox makes a redelivery a no-op;
/// the transitions make duplicates and reordering converge anyway.
/// </summary>
internal abstract class DeadlineEventConsumer<TEvent>(SlaDatabase db, DeadlineStore store, DeadlineTimer timer, DeadlineWakeUp wakeUp)
    : InboxConsumer<TEvent, SlaDatabase>(db)
    where TEvent : class
{
    protected abstract DeadlineKey KeyOf(TEvent e);

    protected abstract Deadline Apply(DeadlineTimer timer, Deadline d, TEvent e);

    protected override async Task Handle(TEvent message, UnitOfWork unit)
    {
        var key = KeyOf(message);
        var stored = await store.LoadForChangeAsync(unit, key);
        var before = stored ?? Deadline.Unseen(key);
        var after = Apply(timer, before, message);
        await store.SaveAsync(unit, before, after, stored is not null);
        if (after.NextFireAt is { } next && next != before.NextFireAt)
        {
            unit.AfterCommit(() => wakeUp.Notify(next));
        }
    }
}
