using TclHotline.Complaints.Application;
using TclHotline.Messages.Intake;
using TclHotline.ServiceDefaults.Database;
using TclHotline.ServiceDefaults.Inbox;

namespace TclHotline.Complaints.Consumers;

/// <summary>Rule 21: a customer chasing an open order again and again raises a complaint by itself.</summary>
public sealed class RepeatCallLinkedConsumer(ComplaintsDatabase db, ComplaintCommands commands)
    : InboxConsumer<RepeatCallLinked, ComplaintsDatabase>(db)
{
    protected override Task Handle(RepeatCallLinked m, UnitOfWork unit) => commands.RepeatCallAsync(unit, m, CancellationToken.None);
}
