using Google.Protobuf;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using TclHotline.Dispatch.Application;
using TclHotline.Dispatch.Data;
using TclHotline.Dispatch.Domain;
using TclHotline.Dispatch.Domain.Board;
using TclHotline.Dispatch.Domain.Completion;
using TclHotline.Dispatch.Domain.Planning;
using TclHotline.ServiceDefaults.Database;
using TclHotline.ServiceDefaults.Feeds;
using TclHotline.ServiceDefaults.Grpc;
using TclHotline.ServiceDefaults.Security;
using TclHotline.ServiceDefaults.Validation;
using static TclHotline.ServiceDefaults.Grpc.ProtoValues;
using Proto = TclHotline.Grpc.Dispatch.V1;

namespace TclHotline.Dispatch.Api;

/// <summary>Assignment overrides, appointments, the visit lifecycle and the board. Thin: validate → application → map.</summary>
public sealed class DispatchGrpcService(
    DispatchDatabase db,
    DispatchContext context,
    OrderStore orders,
    AppointmentCommands appointments,
    VisitLifecycle visits,
    BoardReader board,
    LiveFeed<BoardChange> changes,
    DispatchOptions options,
    TimeProvider time) : Proto.DispatchService.DispatchServiceBase
{
    private const string Desk = HotlineRoles.Dispatcher + "," + HotlineRoles.ServiceDirector + "," + HotlineRoles.Administrator;
    private const string Booking = HotlineRoles.Agent + "," + Desk;
    private const string Field = HotlineRoles.Engineer + "," + HotlineRoles.Dispatcher + "," + HotlineRoles.Administrator;

    [Authorize(Roles = Desk)]
    public override Task<Proto.OrderDispatch> AssignEngineer(Proto.AssignEngineerRequest request, ServerCallContext call)
    {
        var errors = new FieldErrors();
        var orderId = errors.Id("order_id", request.OrderId);
        errors.Required("engineer_id", request.EngineerId);
        errors.ThrowIfAny();
        return ChangeAsync(call, "AssignEngineer", request, request.IdempotencyKey, orderId,
            (unit, record) => appointments.OverrideAsync(unit, record, request.EngineerId, ToInstant(request.PlannedArrival)));
    }

    [Authorize(Roles = Booking)]
    public override async Task<Proto.ProposeAppointmentsResponse> ProposeAppointments(Proto.ProposeAppointmentsRequest request, ServerCallContext call)
    {
        var errors = new FieldErrors();
        var orderId = errors.Id("order_id", request.OrderId);
        errors.ThrowIfAny();
        // A read, but inside a unit so the proposal sees the bookings as they stand.
        await using var unit = await db.BeginAsync(call.CancellationToken);
        var record = await context.RequireAsync(unit, orderId);
        Caller.From(call).EnsureBranch(record.Order.BranchCode);
        var proposal = await appointments.ProposeAsync(unit, record);
        var response = new Proto.ProposeAppointmentsResponse { NoneReason = proposal.NoneReason ?? "" };
        response.Slots.AddRange(proposal.Slots.Select(s => new Proto.AppointmentSlot
        {
            WindowStart = ToTimestamp(s.Window.Start),
            WindowEnd = ToTimestamp(s.Window.End),
            EngineerId = s.Plan.EngineerId,
            EngineerName = s.Plan.EngineerName,
            PlannedArrival = ToTimestamp(s.Plan.Arrival),
        }));
        return response;
    }

    [Authorize(Roles = Booking)]
    public override Task<Proto.OrderDispatch> BookAppointment(Proto.BookAppointmentRequest request, ServerCallContext call)
    {
        var errors = new FieldErrors();
        var orderId = errors.Id("order_id", request.OrderId);
        var start = errors.Instant("window_start", request.WindowStart);
        errors.ThrowIfAny();
        return ChangeAsync(call, "BookAppointment", request, request.IdempotencyKey, orderId,
            (unit, record) => appointments.BookAsync(unit, record, start));
    }

    [Authorize(Roles = Booking)]
    public override Task<Proto.OrderDispatch> RescheduleVisit(Proto.RescheduleVisitRequest request, ServerCallContext call)
    {
        var errors = new FieldErrors();
        var orderId = errors.Id("order_id", request.OrderId);
        var visitId = errors.Id("visit_id", request.VisitId);
        var cause = request.Cause.ByNameOrNull<RescheduleCause>();
        if (cause is null)
        {
            errors.Add("cause", "must be CUSTOMER or OUTLET");
        }

        var start = errors.Instant("new_start", request.NewStart);
        errors.ThrowIfAny();
        return ChangeAsync(call, "RescheduleVisit", request, request.IdempotencyKey, orderId,
            (unit, record) => appointments.RescheduleAsync(unit, record, visitId, cause!.Value, start));
    }

    [Authorize(Roles = Field)]
    public override Task<Proto.Visit> AcceptVisit(Proto.VisitReport request, ServerCallContext call) =>
        ReportAsync(call, request, (unit, record, report) => visits.AcceptAsync(unit, record, report));

    [Authorize(Roles = Field)]
    public override Task<Proto.Visit> ReportEnRoute(Proto.EnRouteReport request, ServerCallContext call) =>
        ReportAsync(call, request.Report ?? new Proto.VisitReport(),
            (unit, record, report) => visits.EnRouteAsync(unit, record, report, ToInstant(request.ExpectedArrival)));

    [Authorize(Roles = Field)]
    public override Task<Proto.Visit> ReportArrival(Proto.VisitReport request, ServerCallContext call) =>
        ReportAsync(call, request, (unit, record, report) => visits.ArriveAsync(unit, record, report));

    [Authorize(Roles = Field)]
    public override Task<Proto.Visit> CompleteVisit(Proto.CompleteVisitRequest request, ServerCallContext call)
    {
        var errors = new FieldErrors();
        var completion = request.Completion;
        if (completion is null)
        {
            errors.Add("completion", "is required");
        }

        decimal? fee = null;
        if (completion is not null && !string.IsNullOrWhiteSpace(completion.FeeChargedYuan))
        {
            if (decimal.TryParse(completion.FeeChargedYuan, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var parsed)
                && parsed >= 0)
            {
                fee = parsed;
            }
            else
            {
                errors.Add(CompletionCheck.FeeField, "is not an amount in yuan");
            }
        }

        string? exclusion = null;
        if (completion is not null && completion.WarrantyExclusion != Proto.WarrantyExclusion.Unspecified)
        {
            exclusion = System.Enum.IsDefined(completion.WarrantyExclusion) ? completion.WarrantyExclusion.ToString() : "";
        }

        errors.Required("serial_number", request.SerialNumber);
        var claim = completion is null ? null : new CompletionClaim(fee, completion.CustomerDeclined, completion.ChargeReason.Trim(),
            completion.ExtraParts.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p.Trim()).ToList(), exclusion,
            completion.DaysInRepair, completion.DaysWaitingForParts);
        if (claim is not null)
        {
            errors.AddAll(CompletionCheck.Fields(claim, options));
        }

        errors.ThrowIfAny();
        var outcome = new VisitOutcome(request.SerialNumber.Trim(), completion!.Repaired, completion.FaultFound,
            completion.PartsReplaced.ToList(),
            completion.MainPartsReplaced.Where(p => p != Proto.MainPart.Unspecified).Select(p => p.ToString()).ToList(),
            claim!, completion.PanelUnrepairable, completion.PanelNoLongerSupplied);
        return ReportAsync(call, request.Report ?? new Proto.VisitReport(),
            (unit, record, report) => visits.CompleteAsync(unit, record, report, outcome), IdempotentRequest.For(call, "CompleteVisit", request.IdempotencyKey, request));
    }

    [Authorize(Roles = Field)]
    public override Task<Proto.Visit> ReportCustomerAbsent(Proto.CustomerAbsentReport request, ServerCallContext call) =>
        ReportAsync(call, request.Report ?? new Proto.VisitReport(), (unit, record, report) => visits.CustomerAbsentAsync(unit, record, report));

    [Authorize(Roles = HotlineRoles.Agent + "," + HotlineRoles.ComplaintHandler + "," + HotlineRoles.Engineer + "," + Desk)]
    public override async Task<Proto.OrderDispatch> GetOrderDispatch(Proto.GetOrderDispatchRequest request, ServerCallContext call)
    {
        var errors = new FieldErrors();
        var orderId = errors.Id("order_id", request.OrderId);
        errors.ThrowIfAny();
        await using var connection = await db.OpenAsync(call.CancellationToken);
        var record = await orders.LoadAsync(connection, null, orderId, call.CancellationToken)
            ?? throw new NotFoundException($"order {orderId} is not known to dispatch");
        var caller = Caller.From(call);
        EnsureMayReadOrder(caller, record);
        var proto = ProtoMapping.ToProto(record, board.StateOf(record, time.GetUtcNow()));
        if (await orders.LoadFeeQuoteAsync(connection, null, orderId, call.CancellationToken) is { } quote)
        {
            proto.Fee = ProtoMapping.ToProto(quote);
        }

        return proto;
    }

    [Authorize(Roles = Desk)]
    public override Task<Proto.Board> GetBoard(Proto.GetBoardRequest request, ServerCallContext call) =>
        board.ReadAsync(BoardBranch(call, request.BranchCode), call.CancellationToken);

    /// <summary>A snapshot, then each changed (or removed) entry with the branch's scores, until the caller hangs up.</summary>
    [Authorize(Roles = Desk)]
    public override async Task WatchBoard(Proto.WatchBoardRequest request, IServerStreamWriter<Proto.BoardUpdate> stream, ServerCallContext call)
    {
        var branch = BoardBranch(call, request.BranchCode);
        var ct = call.CancellationToken;
        // Watch before the snapshot so no change between the two is lost.
        using var watch = changes.Subscribe(branch, BoardChange.WatchBuffer);
        await stream.WriteAsync(new Proto.BoardUpdate { At = Now(), Snapshot = await board.ReadAsync(branch, ct) }, ct);
        try
        {
            await foreach (var (_, orderId) in watch.Items.ReadAllAsync(ct))
            {
                var entry = await board.EntryAsync(orderId, ct);
                await stream.WriteAsync(entry is null
                    ? new Proto.BoardUpdate { At = Now(), EntryRemovedOrderId = orderId.ToString() }
                    : new Proto.BoardUpdate { At = Now(), EntryChanged = entry }, ct);
                await stream.WriteAsync(new Proto.BoardUpdate { At = Now(), Scores = await board.ScoresAsync(branch, ct) }, ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The watcher hung up.
        }
    }

    /// <summary>An engineer sees an order only when one of its visits is theirs; others by branch.</summary>
    internal static void EnsureMayReadOrder(Caller caller, DispatchRecord record)
    {
        if (caller.IsIn(HotlineRoles.Engineer) && !caller.IsHeadquarters && !caller.IsIn(HotlineRoles.Dispatcher))
        {
            if (caller.EngineerId is null || record.Visits.All(v => v.EngineerId != caller.EngineerId))
            {
                throw new AccessDeniedException("not one of your visits");
            }

            return;
        }

        caller.EnsureBranch(record.Order.BranchCode);
    }

    private static string BoardBranch(ServerCallContext call, string requested)
    {
        if (string.IsNullOrWhiteSpace(requested))
        {
            new FieldErrors().Add("branch_code", "is required").ThrowIfAny();
        }

        Caller.From(call).EnsureBranch(requested);
        return requested;
    }

    private Google.Protobuf.WellKnownTypes.Timestamp Now() => Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(time.GetUtcNow());

    private Task<Proto.OrderDispatch> ChangeAsync(
        ServerCallContext call, string operation, IMessage request, string idempotencyKey, Guid orderId, Func<UnitOfWork, DispatchRecord, Task> change)
    {
        var caller = Caller.From(call);
        return InUnitAsync(call, IdempotentRequest.For(caller, operation, idempotencyKey, request), orderId,
            record => caller.EnsureBranch(record.Order.BranchCode), async (unit, record) =>
        {
            await change(unit, record);
            var after = await context.RequireAsync(unit, orderId);
            // Manual assignments and commitment moves are audited: who, and the engineer and due time before and after.
            await unit.AuditAsync(caller, "dispatch." + operation, "order", orderId.ToString(), AuditView(record), AuditView(after));
            return ProtoMapping.ToProto(after, board.StateOf(after, unit.Now));
        });
    }

    private static object AuditView(DispatchRecord r) => new
    {
        r.Status,
        Engineer = r.CurrentVisit?.EngineerId,
        PlannedArrival = r.CurrentVisit?.PlannedArrival,
        CommitmentDue = r.Commitment?.DueAt,
    };

    private Task<Proto.Visit> ReportAsync(
        ServerCallContext call, Proto.VisitReport request, Func<UnitOfWork, DispatchRecord, VisitReport, Task> change,
        IdempotentRequest? idempotent = null)
    {
        var errors = new FieldErrors();
        var orderId = errors.Id("order_id", request.OrderId);
        var visitId = errors.Id("visit_id", request.VisitId);
        errors.Required("engineer_id", request.EngineerId);
        var now = time.GetUtcNow();
        var at = ToInstant(request.At) ?? now;
        if (at > now)
        {
            errors.Add("at", "is in the future");
        }

        var caller = Caller.From(call);
        // Only a token that is nothing but an engineer's reports by engineer id; any desk role it also holds
        // (dispatcher, say) is checked by branch like that role alone, never let through by the engineer role.
        var engineerOnly = caller.IsIn(HotlineRoles.Engineer) && !caller.IsIn(HotlineRoles.Dispatcher) && !caller.IsIn(HotlineRoles.Administrator);
        // Engineers report with the server's clock; only the desk may put a visit's step further back, saying why.
        var pastTime = at < now - options.ReportClockTolerance;
        if (pastTime && engineerOnly)
        {
            errors.Add("at", $"is more than {options.ReportClockTolerance.TotalMinutes:0} min before the server's time; engineers report as it happens");
        }
        else if (pastTime && string.IsNullOrWhiteSpace(request.Reason))
        {
            errors.Add("reason", $"is required to record a time more than {options.ReportClockTolerance.TotalMinutes:0} min in the past");
        }

        errors.ThrowIfAny();
        if (engineerOnly && caller.EngineerId != request.EngineerId)
        {
            // Engineers report only their own visits.
            throw new AccessDeniedException("engineers report only their own visits");
        }

        return InUnitAsync(call, idempotent, orderId, record =>
        {
            if (!engineerOnly)
            {
                caller.EnsureBranch(record.Order.BranchCode);
            }
        }, async (unit, record) =>
        {
            await change(unit, record, new VisitReport(orderId, visitId, request.EngineerId, at));
            if (pastTime)
            {
                await unit.AuditAsync(caller, "dispatch.PastTimeRecorded", "visit", visitId.ToString(),
                    new { ServerTime = now }, new { Report = call.Method, At = at, request.Reason });
            }

            var after = await context.RequireAsync(unit, orderId);
            return ProtoMapping.ToProto(after.Visits.First(v => v.VisitId == visitId), after.Commitment);
        });
    }

    /// <summary>
    /// One unit of work on one order: the caller's access is checked first, then a repeated key replays its
    /// first reply (never to a caller the order is closed to), else the work runs and its reply is kept.
    /// </summary>
    private async Task<T> InUnitAsync<T>(
        ServerCallContext call, IdempotentRequest? idempotent, Guid orderId, Action<DispatchRecord> authorize, Func<UnitOfWork, DispatchRecord, Task<T>> work)
        where T : class, IMessage<T>, new()
    {
        await using var unit = await db.BeginAsync(call.CancellationToken);
        var record = await context.RequireAsync(unit, orderId);
        authorize(record);
        if (await unit.ReplayAsync<T>(idempotent) is { } stored)
        {
            return stored;
        }

        var response = await work(unit, record);
        await unit.RememberAsync(idempotent, response);
        await unit.CommitAsync();
        return response;
    }
}
