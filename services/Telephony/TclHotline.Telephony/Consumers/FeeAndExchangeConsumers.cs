using TclHotline.Messages.Intake;
using TclHotline.ServiceDefaults.Database;
using TclHotline.ServiceDefaults.Inbox;
using TclHotline.Telephony.Data;

namespace TclHotline.Telephony.Consumers;

/// <summary>The current fee estimate the agent reads out (rule 13); an event may overtake the order's opening.</summary>
public sealed class FeeEstimatedConsumer(TelephonyDatabase db) : InboxConsumer<FeeEstimated, TelephonyDatabase>(db)
{
    protected override Task Handle(FeeEstimated m, UnitOfWork unit) =>
        OrderProjection.ApplyAsync(unit, m.OrderId, m.BranchCode, TelephonySql.ApplyFeeEstimate, new
        {
            m.OrderId, m.Revision, m.Chargeable, m.Total, m.TravelIncluded, m.Provisional, unit.Now,
        });
}

/// <summary>Rule 17: the agent sees the exchange offers on the unit.</summary>
public sealed class PanelExchangeOfferedConsumer(TelephonyDatabase db) : InboxConsumer<PanelExchangeOffered, TelephonyDatabase>(db)
{
    protected override Task Handle(PanelExchangeOffered m, UnitOfWork unit) =>
        OrderProjection.ApplyAsync(unit, m.OrderId, m.BranchCode, TelephonySql.ApplyPanelExchangeOffers,
            new { m.OrderId, Offers = string.Join(",", m.Offers), unit.Now });
}

/// <summary>Rules 8 and 9 decided after the order opened (a slow repair): the agent sees the unit as exchange-eligible.</summary>
public sealed class ExchangeEligibilityDecidedConsumer(TelephonyDatabase db) : InboxConsumer<ExchangeEligibilityDecided, TelephonyDatabase>(db)
{
    protected override Task Handle(ExchangeEligibilityDecided m, UnitOfWork unit) =>
        OrderProjection.ApplyAsync(unit, m.OrderId, m.BranchCode, TelephonySql.ApplyExchangeEligible, new { m.OrderId, unit.Now });
}
