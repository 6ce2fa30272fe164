using TclHotline.Dispatch.Data;
using TclHotline.Dispatch.Domain.Completion;
using TclHotline.Messages;
using TclHotline.Messages.Dispatch;
using TclHotline.Messages.Sla;
using TclHotline.ServiceDefaults.Database;
using TclHotline.ServiceDefaults.Grpc;
using TclHotline.ServiceDefaults.Validation;

namespace TclHotline.Dispatch.Application;

/// <summary>
/// A visit from acceptance to completion, as reported by its engineer. Arrival decides the commitment
/// (met when at or before its due time) and tells the SLA timer.
/// </summary>
public sealed class VisitLifecycle(VisitBooking booking, DispatchContext context)
{
    public async Task AcceptAsync(UnitOfWork unit, DispatchRecord record, VisitReport report)
    {
        var visit = Reported(record, report, VisitStatuses.Assigned);
        await unit.ExecuteAsync(DispatchSql.AcceptVisit, new { visit.VisitId, report.At });
        booking.NotifyBoard(unit, record.Order);
    }

    public async Task EnRouteAsync(UnitOfWork unit, DispatchRecord record, VisitReport report, DateTimeOffset? expectedArrival)
    {
        var visit = Reported(record, report, VisitStatuses.Assigned, VisitStatuses.Accepted);
        await unit.ExecuteAsync(DispatchSql.VisitEnRoute, new { visit.VisitId, report.At, ExpectedArrival = expectedArrival });
        booking.NotifyBoard(unit, record.Order);
    }

    public async Task ArriveAsync(UnitOfWork unit, DispatchRecord record, VisitReport report)
    {
        var visit = Reported(record, report, VisitStatuses.Assigned, VisitStatuses.Accepted, VisitStatuses.EnRoute);
        // Before the booked window opened: recorded as it happened (never moved to the window) and shown as early.
        var early = record.Commitment?.NotBefore is { } opens && report.At < opens;
        await unit.ExecuteAsync(DispatchSql.VisitArrived, new { visit.VisitId, report.At, Early = early });
        await DecideAsync(unit, record, visit, report.At, early);
        booking.NotifyBoard(unit, record.Order);
    }

    /// <summary>
    /// The fee claimed is checked against intake's last estimate first; a refusal names each field and stores nothing.
    /// Intake settles the fee, records the repair and decides the warranty consequences from the event.
    /// </summary>
    public async Task CompleteAsync(UnitOfWork unit, DispatchRecord record, VisitReport report, VisitOutcome outcome)
    {
        var visit = Reported(record, report, VisitStatuses.Arrived);
        var claim = outcome.Claim;
        var (fee, problems) = CompletionCheck.Against(claim, await context.FeeQuoteAsync(unit, record.Order.OrderId));
        new FieldErrors().AddAll(problems).ThrowIfAny();

        await unit.ExecuteAsync(DispatchSql.VisitCompleted, new { visit.VisitId, report.At, outcome.FaultFound, outcome.Repaired });
        await unit.ExecuteAsync(DispatchSql.SetOrderStatus, new { record.Order.OrderId, Status = DispatchRecord.Closed, UpdatedAt = unit.Now });
        await unit.PublishAsync(new VisitCompleted(record.Order.OrderId, visit.VisitId, visit.EngineerId, record.Order.BranchCode,
            outcome.SerialNumber, report.At, outcome.Repaired, claim.CustomerDeclined, outcome.FaultFound, outcome.PartsReplaced,
            outcome.MainPartsReplaced, fee, claim.DaysInRepair, claim.DaysWaitingForParts, null, claim.ChargeReason, claim.ExtraParts,
            claim.Exclusion, outcome.PanelUnrepairable, outcome.PanelNoLongerSupplied), record.Order.OrderId.ToString());
        booking.NotifyBoard(unit, record.Order);
    }

    /// <summary>
    /// Nobody home. The engineer was on site, so an absence reported before the arrival counts as the
    /// arrival: the commitment was kept by the outlet. The order stays open for a new visit.
    /// </summary>
    public async Task CustomerAbsentAsync(UnitOfWork unit, DispatchRecord record, VisitReport report)
    {
        var visit = Reported(record, report, VisitStatuses.Accepted, VisitStatuses.EnRoute, VisitStatuses.Arrived);
        if (visit.ArrivedAt is null)
        {
            await DecideAsync(unit, record, visit, report.At, early: false);
        }

        await unit.ExecuteAsync(DispatchSql.VisitCustomerAbsent, new { visit.VisitId, report.At });
        await unit.PublishAsync(new CustomerAbsent(record.Order.OrderId, visit.VisitId, visit.EngineerId, record.Order.BranchCode, report.At),
            record.Order.OrderId.ToString());
        booking.NotifyBoard(unit, record.Order);
    }

    private static async Task DecideAsync(UnitOfWork unit, DispatchRecord record, VisitRow visit, DateTimeOffset arrivedAt, bool early)
    {
        var commitment = record.Commitment ?? throw new RuleViolationException("the order has no commitment");
        var onTime = arrivedAt <= commitment.DueAt;
        await unit.ExecuteAsync(DispatchSql.DecideCommitment, new { record.Order.OrderId, State = onTime ? "Met" : "Breached", DecidedAt = arrivedAt });
        await unit.PublishAsync(new EngineerArrived(record.Order.OrderId, visit.VisitId, visit.EngineerId, record.Order.BranchCode,
            arrivedAt, commitment.DueAt, onTime, early), record.Order.OrderId.ToString());
        await unit.PublishAsync(new DeadlineMet(DeadlineOwners.Dispatch, record.Order.OrderId.ToString(), DeadlineKinds.OnSite, arrivedAt),
            record.Order.OrderId.ToString());
    }

    /// <summary>The visit reported on: it must be the order's, assigned to the reporting engineer, in one of the states given.</summary>
    private static VisitRow Reported(DispatchRecord record, VisitReport report, params string[] allowedStatuses)
    {
        var visit = record.Visits.FirstOrDefault(v => v.VisitId == report.VisitId)
            ?? throw new NotFoundException($"visit {report.VisitId} is not a visit of order {record.Order.OrderId}");
        if (visit.EngineerId != report.EngineerId)
        {
            new FieldErrors().Add("engineer_id", $"the visit is not assigned to engineer {report.EngineerId}").ThrowIfAny();
        }

        if (!allowedStatuses.Contains(visit.Status))
        {
            throw new RuleViolationException($"the visit is {visit.Status}; this report needs it {string.Join(" or ", allowedStatuses)}");
        }

        return visit;
    }
}
