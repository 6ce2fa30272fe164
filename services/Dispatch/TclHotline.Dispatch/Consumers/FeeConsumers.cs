using TclHotline.Dispatch.Data;
using TclHotline.Messages.Intake;
using TclHotline.ServiceDefaults.Database;
using TclHotline.ServiceDefaults.Inbox;

namespace TclHotline.Dispatch.Consumers;

/// <summary>
/// Keeps intake's last estimate of each order, against which CompleteVisit checks the engineer's fee. Taken in batches,
/// one unit of work each (intake estimates every order more than once, and a write turn per estimate let the queue
/// back up under load); each estimate still gets its own inbox mark, and only a later revision replaces the one held,
/// so the order within a batch does not matter.
/// </summary>
public sealed class FeeEstimatedConsumer(DispatchDatabase db) : InboxBatchConsumer<FeeEstimated, DispatchDatabase>(db)
{
    protected override async Task Handle(IReadOnlyList<FeeEstimated> messages, UnitOfWork unit)
    {
        foreach (var message in messages)
        {
            var quote = new
            {
                message.OrderId, message.Revision, message.Chargeable, message.Total, message.Provisional, message.EstimatedAt,
            };
            if (await unit.ExecuteAsync(DispatchSql.InsertFeeQuote, quote) == 0)
                await unit.ExecuteAsync(DispatchSql.UpdateFeeQuote, quote);
        }
    }
}
