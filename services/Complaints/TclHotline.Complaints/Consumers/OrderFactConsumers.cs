using TclHotline.Complaints.Data;
using TclHotline.Messages.Dispatch;
using TclHotline.Messages.Intake;
using TclHotline.ServiceDefaults.Database;
using TclHotline.ServiceDefaults.Inbox;

namespace TclHotline.Complaints.Consumers;

/// <summary>Keeps the order facts a system-raised complaint names, and which orders exist for FileComplaint.</summary>
public sealed class ServiceOrderOpenedConsumer(ComplaintsDatabase db) : InboxConsumer<ServiceOrderOpened, ComplaintsDatabase>(db)
{
    protected override Task Handle(ServiceOrderOpened m, UnitOfWork unit) => OrderFactStore.RecordAsync(unit, m);
}

/// <summary>The engineer on an order: named by a complaint the order raises.</summary>
public sealed class EngineerAssignedConsumer(ComplaintsDatabase db) : InboxConsumer<EngineerAssigned, ComplaintsDatabase>(db)
{
    protected override Task Handle(EngineerAssigned m, UnitOfWork unit) => OrderFactStore.RecordAsync(unit, m);
}
