using TclHotline.Complaints.Data;
using TclHotline.Messages.Dispatch;
using TclHotline.ServiceDefaults.Database;
using TclHotline.ServiceDefaults.Inbox;

namespace TclHotline.Complaints.Consumers;

/// <summary>Rule 22: an arrival on time or late goes on the engineer's record.</summary>
public sealed class EngineerArrivedConsumer(ComplaintsDatabase db) : InboxConsumer<EngineerArrived, ComplaintsDatabase>(db)
{
    protected override Task Handle(EngineerArrived m, UnitOfWork unit) => EngineerFactStore.RecordAsync(unit, m);
}

/// <summary>Rule 22: a completed visit, repaired or not; a later visit to the same unit makes a repeat repair.</summary>
public sealed class VisitCompletedConsumer(ComplaintsDatabase db) : InboxConsumer<VisitCompleted, ComplaintsDatabase>(db)
{
    protected override Task Handle(VisitCompleted m, UnitOfWork unit) => EngineerFactStore.RecordAsync(unit, m);
}
