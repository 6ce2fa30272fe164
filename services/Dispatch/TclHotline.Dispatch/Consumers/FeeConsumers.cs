using TclHotline.Dispatch.Data;
using TclHotline.Messages.Intake;
using TclHotline.ServiceDefaults.Database;
using TclHotline.ServiceDefaults.Inbox;

namespace TclHotline.Dispatch.Consumers;

/// <summary>Keeps intake's last estimate of each order, against which CompleteVisit checks the engineer's fee.</summary>
public sealed class FeeEstimatedConsumer(DispatchDatabase db) : InboxConsumer<FeeEstimated, DispatchDatabase>(db)
{
    protected override async Task Handle(FeeEstimated message, UnitOfWork unit)
    {
        var quote = new
        {
            message.OrderId, message.Revision, message.Chargeable, message.Total, message.Provisional, message.EstimatedAt,
        };
        if (await unit.ExecuteAsync(DispatchSql.InsertFeeQuote, quote) == 0)
            await unit.ExecuteAsync(DispatchSql.UpdateFeeQuote, quote);
    }
}
