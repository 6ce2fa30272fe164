using TclHotline.Messages.Intake;
using TclHotline.ServiceDefaults.Database;
using TclHotline.ServiceDefaults.Inbox;
using TclHotline.Telephony.Data;

namespace TclHotline.Telephony.Consumers;

/// <summary>Links the call to the complaint registered during it (and to the order it is about, if not linked already).</summary>
public sealed class ComplaintCallRegisteredConsumer(TelephonyDatabase db) : InboxConsumer<ComplaintCallRegistered, TelephonyDatabase>(db)
{
    protected override async Task Handle(ComplaintCallRegistered m, UnitOfWork unit)
    {
        if (string.IsNullOrWhiteSpace(m.CallId)) return;
        await unit.ExecuteAsync(TelephonySql.EnsureCall[unit.Dialect], new { m.CallId, unit.Now });
        await unit.ExecuteAsync(TelephonySql.LinkCallToComplaint, new { m.CallId, ComplaintCallId = m.CallRecordId, m.OrderId, unit.Now });
    }
}
