using TclHotline.Intake.Application;
using TclHotline.Intake.Data;
using TclHotline.Intake.Domain;
using TclHotline.Intake.Domain.Fees;
using TclHotline.Intake.Domain.Regions;
using TclHotline.Intake.Domain.Warranty;
using TclHotline.Messages.Dispatch;
using TclHotline.Messages.Intake;
using TclHotline.ServiceDefaults.Database;
using TclHotline.ServiceDefaults.Inbox;

namespace TclHotline.Intake.Consumers;

/// <summary>
/// A finished visit, decided from the records: the repair goes to the history of the order's unit (rules 5, 8, 9;
/// a different serial found on site is kept as a discrepancy, never applied to that other unit); an installation
/// through the hotline starts the unit's period (rule 10); the fee is settled against the last estimate
/// (rules 13, 14); an unsupplied panel gets the exchange offers (rule 17) and the order awaits the exchange;
/// a slow repair makes the unit exchange-eligible at once (rule 9); any other order is completed.
/// </summary>
public sealed class VisitCompletedConsumer(IntakeDatabase db, RegionCatalogue regions, FeeEstimator fees, UnitWarranty unitWarranty)
    : InboxConsumer<VisitCompleted, IntakeDatabase>(db)
{
    protected override async Task Handle(VisitCompleted message, UnitOfWork unit)
    {
        var order = await unit.QuerySingleOrDefaultAsync<ServiceOrderRow>(IntakeSql.SelectOrderById, new { message.OrderId });
        if (order is null || order.Status.IsClosed())
            return;
        var zone = regions.FindDistrict(order.DistrictCode)?.Branch.TimeZone ?? regions.TimeZone;
        var completedOn = LegalPeriod.LocalDate(message.CompletedAt, zone);
        var found = string.IsNullOrWhiteSpace(message.SerialNumber) ? null : message.SerialNumber.Trim();
        var serial = order.SerialNumber ?? found;
        var discrepancy = order.SerialNumber is not null && found is not null && found != order.SerialNumber ? found : null;

        if (serial is not null)
        {
            var days = message.DaysInRepair + message.DaysWaitingForParts;
            await unit.ExecuteAsync(IntakeSql.InsertRepair, new
            {
                message.VisitId,
                message.OrderId,
                SerialNumber = serial,
                message.EngineerId,
                StartedOn = completedOn.AddDays(-days),
                message.CompletedAt,
                message.Repaired,
                message.CustomerDeclined,
                message.FaultFound,
                PartsReplaced = string.Join(",", message.PartsReplaced),
                MainPartInvolved = message.MainPartsReplaced.Count > 0,
                message.FeeCharged,
                message.DaysInRepair,
                message.DaysWaitingForParts,
            });
            await unit.ExecuteAsync(IntakeSql.AddRepairDaysToUnit, new
            {
                SerialNumber = serial, message.DaysInRepair, message.DaysWaitingForParts, unit.Now,
            });
            if (order.OrderType == OrderType.Installation)
                await unit.ExecuteAsync(IntakeSql.RecordInstallation, new { SerialNumber = serial, InstalledOn = completedOn, unit.Now });
        }

        var estimate = StoredDecisions.Fee(order.FeeEstimate);
        var settlement = fees.SettleAtCompletion(estimate, new CompletionCharge(
            message.FeeCharged, message.CustomerDeclined, message.ChargeReason ?? "", message.ExtraParts ?? [],
            Enum.TryParse<WarrantyExclusion>(message.WarrantyExclusion, out var exclusion) ? exclusion : null));
        var exchange = FeeEstimator.DecidePanelExchange(!message.PanelUnrepairable, !message.PanelNoLongerSupplied);
        await unit.ExecuteAsync(IntakeSql.SetSettlement, new
        {
            message.OrderId,
            Settlement = StoredDecisions.Write(new SettledFee(settlement, order.FeeRevision, message.CompletedAt)),
            Offers = exchange.Offers.Count == 0 ? null : string.Join(",", exchange.Offers),
            SerialFoundOnSite = discrepancy,
        });
        if (exchange.Offers.Count > 0)
            await unit.PublishAsync(new PanelExchangeOffered(order.OrderId, order.OrderNumber, order.BranchCode, serial ?? "",
                [.. exchange.Offers.Select(o => o.ToString())], unit.Now), order.OrderId.ToString());

        if (serial is not null && order.SerialNumber is not null)
            await DecideSlowRepairAsync(unit, order, serial);

        // An exchange offered (rule 17) keeps the order open until the returns service reports it settled.
        var status = exchange.Offers.Count > 0 ? OrderStatus.AwaitingExchange : OrderStatus.Completed;
        await unit.ExecuteAsync(IntakeSql.CompleteOrder, new
        {
            message.OrderId, Status = status.ToString(), message.CompletedAt, message.EngineerId, unit.Now, OrderStatusFacts.Closed,
        });
    }

    // Rule 9 does not wait for the next call: a slow repair makes the unit eligible now, on the order and the unit.
    private async Task DecideSlowRepairAsync(UnitOfWork unit, ServiceOrderRow order, string serial)
    {
        var stored = await unit.QuerySingleOrDefaultAsync<UnitRow>(IntakeSql.SelectUnit, new { SerialNumber = serial });
        if (stored is null)
            return;
        var (decision, _) = await unitWarranty.DecideAsync(unit.Connection, unit.Transaction, stored, order.DistrictCode, CancellationToken.None);
        var onOrder = StoredDecisions.Warranty(order.WarrantyDecision);
        if (!decision.RulesApplied.Contains(DomainRule.ExchangeAfterSlowRepair) || onOrder.RulesApplied.Contains(DomainRule.ExchangeAfterSlowRepair))
            return;
        onOrder = onOrder with
        {
            ExchangeEligible = true,
            RulesApplied = [.. onOrder.RulesApplied, DomainRule.ExchangeAfterSlowRepair],
            Remedies = onOrder.Remedies.Contains(Remedy.Exchange) ? onOrder.Remedies : [.. onOrder.Remedies, Remedy.Exchange],
        };
        await unit.ExecuteAsync(IntakeSql.SetWarrantyDecision, new
        {
            order.OrderId, WarrantyDecision = StoredDecisions.Write(onOrder), ExchangeEligible = true,
        });
        await unit.PublishAsync(new ExchangeEligibilityDecided(order.OrderId, order.OrderNumber, order.BranchCode, serial,
            DomainRule.ExchangeAfterSlowRepair, "A repair took longer than the 三包 allows: the unit may be exchanged free.", unit.Now),
            order.OrderId.ToString());
    }
}
