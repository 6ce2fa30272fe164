using TclHotline.Messages.Dispatch;
using TclHotline.ServiceDefaults.Database;
using TclHotline.ServiceDefaults.Inbox;
using TclHotline.Telephony.Data;

namespace TclHotline.Telephony.Consumers;

/// <summary>The commitment the screen pop counts down to.</summary>
public sealed class EngineerAssignedConsumer(TelephonyDatabase db) : InboxConsumer<EngineerAssigned, TelephonyDatabase>(db)
{
    protected override async Task Handle(EngineerAssigned m, UnitOfWork unit)
    {
        await unit.ExecuteAsync(TelephonySql.EnsureOrder[unit.Dialect], new { m.OrderId, m.BranchCode, unit.Now });
        await unit.ExecuteAsync(TelephonySql.ApplyCommitment, new { m.OrderId, m.CommitmentDue, unit.Now });
    }
}
