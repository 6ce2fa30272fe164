using TclHotline.Messages.Dispatch;
using TclHotline.Messages.Intake;
using TclHotline.Returns.Application;
using TclHotline.Returns.Data;
using TclHotline.Returns.Domain;
using TclHotline.ServiceDefaults.Database;
using TclHotline.ServiceDefaults.Inbox;

namespace TclHotline.Returns.Consumers;

// What the other services publish about service orders, kept as local facts: no reads of their databases.

/// <summary>An order's events arrive on different queues in any order: the first creates its row, each fills its own columns.</summary>
internal static class OrderFactRows
{
    public static async Task RecordAsync(UnitOfWork unit, Guid orderId, string update, object values)
    {
        await unit.ExecuteAsync(ReturnsSql.EnsureOrderFact, new { OrderId = orderId });
        await unit.ExecuteAsync(update, values);
    }
}

/// <summary>
/// An order opened: its facts for rules 9 and 12; a pre-sale repair order is linked to the reports of its unit
/// (rule 18); any other order names a customer's unit, so a unit of dealer stock it names has been sold.
/// </summary>
public sealed class ServiceOrderOpenedConsumer(ReturnsDatabase db) : InboxConsumer<ServiceOrderOpened, ReturnsDatabase>(db)
{
    public const string PreSaleRepair = "PreSaleRepair";

    protected override async Task Handle(ServiceOrderOpened m, UnitOfWork unit)
    {
        if (string.IsNullOrWhiteSpace(m.SerialNumber))
            return;
        await OrderFactRows.RecordAsync(unit, m.OrderId, ReturnsSql.RecordOrderOpened, new
        {
            m.OrderId, m.OrderNumber, m.OrderType, m.BranchCode, m.SerialNumber, m.RegisteredAt,
        });
        if (m.OrderType == PreSaleRepair)
            await unit.ExecuteAsync(ReturnsSql.LinkReportsToOrder, new { m.OrderId, m.OrderNumber, m.SerialNumber });
        else
            await unit.ExecuteAsync(ReturnsSql.LeaveStock, new { m.SerialNumber, Status = nameof(StockStatus.Sold), unit.Now });
    }
}

public sealed class VisitCompletedConsumer(ReturnsDatabase db) : InboxConsumer<VisitCompleted, ReturnsDatabase>(db)
{
    protected override Task Handle(VisitCompleted m, UnitOfWork unit) =>
        OrderFactRows.RecordAsync(unit, m.OrderId, ReturnsSql.RecordOrderCompleted, new { m.OrderId, m.CompletedAt, m.DaysInRepair, m.DaysWaitingForParts });
}

public sealed class ServiceOrderCancelledConsumer(ReturnsDatabase db) : InboxConsumer<ServiceOrderCancelled, ReturnsDatabase>(db)
{
    protected override Task Handle(ServiceOrderCancelled m, UnitOfWork unit) =>
        OrderFactRows.RecordAsync(unit, m.OrderId, ReturnsSql.RecordOrderCancelled, new { m.OrderId, m.CancelledAt });
}

/// <summary>Intake decided a slow repair (rule 9) made the unit exchange-eligible: kept with the order's facts.</summary>
public sealed class ExchangeEligibilityDecidedConsumer(ReturnsDatabase db) : InboxConsumer<ExchangeEligibilityDecided, ReturnsDatabase>(db)
{
    public const int SlowRepairRule = 9;

    protected override Task Handle(ExchangeEligibilityDecided m, UnitOfWork unit) =>
        m.Rule == SlowRepairRule
            ? OrderFactRows.RecordAsync(unit, m.OrderId, ReturnsSql.RecordSlowRepairDecided, new { m.OrderId, m.DecidedAt })
            : Task.CompletedTask;
}

/// <summary>
/// Rule 12 as intake publishes it: a provisional estimate means the invoice awaits the branch's verification
/// (flagged suspicious); the estimate after the verification says whether free service was lost.
/// </summary>
public sealed class FeeEstimatedConsumer(ReturnsDatabase db) : InboxConsumer<FeeEstimated, ReturnsDatabase>(db)
{
    public const string InvoiceVerified = "INVOICE_VERIFIED";

    protected override async Task Handle(FeeEstimated m, UnitOfWork unit)
    {
        if (m.Provisional)
            await OrderFactRows.RecordAsync(unit, m.OrderId, ReturnsSql.RecordInvoiceFlagged, new { m.OrderId, FlaggedAt = m.EstimatedAt });
        else if (m.Cause == InvoiceVerified)
            await OrderFactRows.RecordAsync(unit, m.OrderId, ReturnsSql.RecordInvoiceVerified,
                new { m.OrderId, VerifiedAt = m.EstimatedAt, Chargeable = m.Chargeable });
    }
}

/// <summary>Rule 17: intake offered an exchange on the order; the customer's choice and the settlement are recorded here.</summary>
public sealed class PanelExchangeOfferedConsumer(ReturnsDatabase db) : InboxConsumer<PanelExchangeOffered, ReturnsDatabase>(db)
{
    public const string OfferedBy = "intake";

    protected override async Task Handle(PanelExchangeOffered m, UnitOfWork unit)
    {
        await unit.ExecuteAsync(ReturnsSql.InsertExchange, PanelExchanges.OfferRow(m));
        await unit.ExecuteAsync(ReturnsSql.InsertFirstStep, new
        {
            SubjectType = PanelExchanges.Subject, SubjectId = m.OrderId.ToString("D"), Step = nameof(ExchangeStep.Offered),
            DoneBy = OfferedBy, DoneAt = m.OfferedAt, Note = string.Join(",", m.Offers),
        });
    }
}
