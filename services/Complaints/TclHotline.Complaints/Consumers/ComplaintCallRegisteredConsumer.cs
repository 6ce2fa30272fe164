using TclHotline.Complaints.Application;
using TclHotline.Complaints.Data;
using TclHotline.Complaints.Domain;
using TclHotline.Messages.Intake;
using TclHotline.ServiceDefaults.Database;
using TclHotline.ServiceDefaults.Inbox;

namespace TclHotline.Complaints.Consumers;

/// <summary>A complaint-type call taken by an agent at intake becomes a complaint (source Agent).</summary>
public sealed class ComplaintCallRegisteredConsumer(ComplaintsDatabase db, ComplaintCommands commands)
    : InboxConsumer<ComplaintCallRegistered, ComplaintsDatabase>(db)
{
    protected override async Task Handle(ComplaintCallRegistered m, UnitOfWork unit)
    {
        // The call record's id is the complaint's, so the same call re-published never files twice.
        if (await ComplaintStore.FindForChangeAsync(unit, m.CallRecordId, CancellationToken.None) is not null)
        {
            return;
        }

        var category = Enum.TryParse<ComplaintCategory>(m.Category, ignoreCase: false, out var parsed) && Enum.IsDefined(parsed)
            ? parsed
            : throw new InvalidOperationException($"Complaint call {m.CallRecordId} has an unknown category.");
        var at = unit.Now;
        var filing = new NewComplaint(
            m.CallRecordId,
            commands.NumberFor(m.CallRecordId, m.BranchCode, at),
            m.BranchCode,
            category,
            ComplaintSource.Agent,
            new ComplaintSubject(m.CustomerName, m.CustomerPhone, m.OrderId, m.OrderNumber, m.SerialNumber, m.EngineerId),
            m.Description,
            m.AgentId,
            at,
            []);
        await commands.FileAsync(unit, filing, CancellationToken.None);
    }
}
