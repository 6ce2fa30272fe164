using TclHotline.Dispatch.Api;
using TclHotline.Dispatch.Data;
using TclHotline.Dispatch.Domain.Board;
using TclHotline.Dispatch.Domain.Planning;
using TclHotline.Messages;
using TclHotline.Messages.Dispatch;
using TclHotline.Messages.Sla;
using TclHotline.ServiceDefaults.Database;
using TclHotline.ServiceDefaults.Feeds;
using TclHotline.ServiceDefaults.Validation;

namespace TclHotline.Dispatch.Application;

/// <summary>
/// Carries out a planner's decision in the unit of work: books the visit (handing over from the one it
/// replaces) or escalates to the service director at once, publishing the events through the outbox.
/// </summary>
public sealed class VisitBooking(LiveFeed<BoardChange> board)
{
    public static class By
    {
        public const string Auto = "Auto";
        public const string Override = "Override";
        public const string Reassign = "Reassign";
    }

    /// <summary>Applies <paramref name="outcome"/>; a refusal becomes InvalidArgument naming each field, nothing changed.</summary>
    public async Task<Guid?> ApplyAsync(UnitOfWork unit, AssignmentOutcome outcome, string assignedBy, VisitRow? replacing)
    {
        switch (outcome)
        {
            case VisitAssigned assigned:
                var visitId = await BookAsync(unit, assigned.Order, assigned.Commitment, assigned.Plan, assignedBy, replacing);
                await unit.ExecuteAsync(DispatchSql.SetOrderEscalated, new { assigned.Order.OrderId, Escalated = false, UpdatedAt = unit.Now });
                return visitId;
            case CommitmentAtRisk atRisk:
                Guid? late = atRisk.LatePlan is { } plan
                    ? await BookAsync(unit, atRisk.Order, atRisk.Commitment, plan, assignedBy, replacing)
                    : null;
                await EscalateAsync(unit, atRisk);
                return late;
            case AssignmentRefused refused:
                new FieldErrors().AddAll(refused.Problems).ThrowIfAny();
                return null;
            default:
                throw new InvalidOperationException($"unexpected planning outcome {outcome.GetType().Name}");
        }
    }

    public async Task SaveCommitmentAsync(UnitOfWork unit, Guid orderId, Commitment commitment, bool isNew) =>
        await unit.ExecuteAsync(isNew ? DispatchSql.InsertCommitment : DispatchSql.UpdateCommitment, new
        {
            OrderId = orderId,
            commitment.StartsAt,
            commitment.DueAt,
            Basis = commitment.Basis.ToString(),
            commitment.Rule,
            commitment.NotBefore,
            commitment.OriginalDueAt,
        });

    /// <summary>The commitment as a deadline for the SLA timer: the span starts at registration.</summary>
    public static Task PublishDeadlineSetAsync(UnitOfWork unit, DispatchOrder order, DateTimeOffset dueAt) =>
        unit.PublishAsync(new DeadlineSet(DeadlineOwners.Dispatch, order.OrderId.ToString(), DeadlineKinds.OnSite, order.BranchCode,
            order.RegisteredAt, dueAt, unit.Now), order.OrderId.ToString());

    /// <summary>The customer moved the visit: the deadline moves with it, and the lateness is the customer's.</summary>
    public static Task PublishCustomerMoveAsync(UnitOfWork unit, DispatchOrder order, DateTimeOffset newDueAt) =>
        unit.PublishAsync(new DeadlineMoved(DeadlineOwners.Dispatch, order.OrderId.ToString(), DeadlineKinds.OnSite, newDueAt,
            "Customer", unit.Now), order.OrderId.ToString());

    public void NotifyBoard(UnitOfWork unit, DispatchOrder order) =>
        unit.AfterCommit(() => board.Publish(new BoardChange(order.BranchCode, order.OrderId)));

    private async Task<Guid> BookAsync(
        UnitOfWork unit, DispatchOrder order, Commitment commitment, VisitPlan plan, string assignedBy, VisitRow? replacing)
    {
        if (replacing is not null)
        {
            await unit.ExecuteAsync(DispatchSql.SetVisitStatus, new { replacing.VisitId, Status = VisitStatuses.Reassigned });
        }

        var visitId = Guid.NewGuid();
        await unit.ExecuteAsync(DispatchSql.InsertVisit, new
        {
            VisitId = visitId,
            order.OrderId,
            plan.EngineerId,
            plan.EngineerName,
            plan.OutletId,
            PlannedArrival = plan.Arrival,
            DurationMinutes = (int)plan.Duration.TotalMinutes,
            TravelMinutes = (int)plan.Travel.TotalMinutes,
            plan.DistanceKm,
            AssignedBy = assignedBy,
            AssignedAt = unit.Now,
        });
        await unit.PublishAsync(new EngineerAssigned(order.OrderId, visitId, plan.EngineerId, plan.EngineerName, plan.OutletId,
            order.BranchCode, plan.Arrival, commitment.DueAt, assignedBy, unit.Now, plan.DistanceKm), order.OrderId.ToString());
        NotifyBoard(unit, order);
        return visitId;
    }

    private Task EscalateAsync(UnitOfWork unit, CommitmentAtRisk atRisk) =>
        EscalateAsync(unit, atRisk.Order, atRisk.ServiceDirector, atRisk.Detail, atRisk.Commitment.DueAt, DeadlineKinds.OnSite);

    /// <summary>Tells the branch's service director that a deadline of the order is at risk or lost (DispatchEscalated).</summary>
    public async Task EscalateAsync(
        UnitOfWork unit, DispatchOrder order, string serviceDirector, string reason, DateTimeOffset due, string deadlineKind)
    {
        var escalationId = Guid.NewGuid();
        await unit.ExecuteAsync(DispatchSql.InsertEscalation, new
        {
            EscalationId = escalationId,
            order.OrderId,
            ServiceDirector = serviceDirector,
            Reason = reason,
            EscalatedAt = unit.Now,
        });
        await unit.ExecuteAsync(DispatchSql.SetOrderEscalated, new { order.OrderId, Escalated = true, UpdatedAt = unit.Now });
        await unit.PublishAsync(new DispatchEscalated(escalationId, order.OrderId, order.BranchCode, serviceDirector,
            reason, due, unit.Now, deadlineKind), order.OrderId.ToString());
        NotifyBoard(unit, order);
    }
}
