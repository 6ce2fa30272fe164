using Microsoft.Extensions.Options;
using TclHotline.Intake.Domain;
using TclHotline.Intake.Domain.Regions;
using TclHotline.Intake.Storage;
using TclHotline.Messages.Dispatch;
using TclHotline.ServiceDefaults.Database;
using TclHotline.ServiceDefaults.Inbox;

namespace TclHotline.Intake.Consumers;

/// <summary>
/// A finished visit: the unit's repair history and its days in repair or waiting for parts (rules 5 and 9
/// read them on the next call), and the order completed.
/// </summary>
public sealed class VisitCompletedConsumer(IntakeDatabase db, RegionCatalogue regions)
    : InboxConsumer<VisitCompleted, IntakeDatabase>(db)
{
    protected override async Task Handle(VisitCompleted message, UnitOfWork unit)
    {
        if (!string.IsNullOrWhiteSpace(message.SerialNumber))
        {
            var completedOn = LegalPeriod.LocalDate(message.CompletedAt, regions.TimeZone);
            var days = message.DaysInRepair + message.DaysWaitingForParts;
            await unit.ExecuteAsync(IntakeSql.InsertRepair, new
            {
                message.VisitId,
                message.OrderId,
                message.SerialNumber,
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
                message.SerialNumber, message.DaysInRepair, message.DaysWaitingForParts, unit.Now,
            });
        }
        await unit.ExecuteAsync(IntakeSql.CompleteOrder, new
        {
            message.OrderId, message.CompletedAt, message.EngineerId, unit.Now, OrderStatusFacts.Closed,
        });
    }
}
