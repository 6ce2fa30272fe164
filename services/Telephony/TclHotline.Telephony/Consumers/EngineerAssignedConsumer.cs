using TclHotline.Messages.Dispatch;
using TclHotline.ServiceDefaults.Database;
using TclHotline.ServiceDefaults.Inbox;
using TclHotline.Telephony.Data;

namespace TclHotline.Telephony.Consumers;

/// <summary>The commitment the screen pop counts down to.</summary>
public sealed class EngineerAssignedConsumer(TelephonyDatabase db) : InboxConsumer<EngineerAssigned, TelephonyDatabase>(db)
{
    protected override Task Handle(EngineerAssigned m, UnitOfWork unit) =>
        OrderProjection.ApplyAsync(unit, m.OrderId, m.BranchCode, TelephonySql.ApplyCommitment, new { m.OrderId, m.CommitmentDue, unit.Now });
}
