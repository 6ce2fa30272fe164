using Microsoft.Extensions.Options;
using TclHotline.Intake.Data;
using TclHotline.Intake.Domain;
using TclHotline.Intake.Domain.Calls;
using TclHotline.Intake.Domain.Fees;
using TclHotline.Intake.Domain.Regions;
using TclHotline.Intake.Domain.Warranty;
using TclHotline.Messages.Intake;
using TclHotline.ServiceDefaults.Database;
using TclHotline.ServiceDefaults.Grpc;
using TclHotline.ServiceDefaults.Security;
using TclHotline.ServiceDefaults.Validation;

namespace TclHotline.Intake.Application;

/// <summary>
/// Registers a validated call in one unit of work: the customer and unit, the call, and then either a
/// new service order, a repeat call linked to the open one, or a complaint handed to the desk, with the
/// event that tells the other services. The reply is kept under the idempotency key.
/// </summary>
public sealed class CallRegistrar(
    IntakeDatabase db,
    WarrantyEngine warranty,
    FeeEstimator fees,
    IOptions<IntakeOptions> options)
{
    public const string Operation = "RegisterCall";

    public async Task<TReply> RegisterAsync<TReply>(
        CallRegistration call, IdempotentRequest? idempotent, Caller caller, ReplyForm<TReply> form, CancellationToken ct)
    {
        using var activity = IntakeTelemetry.Source.StartActivity("RegisterCall");
        activity?.SetTag("order_type", call.OrderType.ToString());
        await using var unit = await db.BeginAsync(ct);
        if (await unit.StoredReplyAsync(idempotent) is { } earlier)
            return form.Read(earlier);

        var callRecordId = Guid.NewGuid();
        // The customer row (then the unit's key) is locked from here to commit: a second call from the same
        // number, or about the same unit, waits and then finds the order this one opens.
        var customerId = await SaveCustomerAsync(unit, call);
        if (call.SerialNumber is not null)
            await unit.QueryAsync<string>(IntakeSql.LockUnit[unit.Dialect], new { call.SerialNumber });
        RegisteredCall registered;
        if (call.OrderType == OrderType.Complaint)
            registered = await HandComplaintAsync(unit, call, callRecordId, customerId);
        else if (call.OrderType.NeedsVisit() && await FindOpenOrderAsync(unit, call) is { } openOrderId)
            registered = await LinkRepeatCallAsync(unit, call, callRecordId, customerId, openOrderId);
        else
            registered = await OpenOrderAsync(unit, call, callRecordId, customerId, ct);

        var reply = form.Reply(registered);
        if (idempotent is not null)
            await unit.RememberAsync(idempotent, form.Write(reply));
        // Who registered which call, and what it opened or joined; no customer data in the trail.
        var order = registered.Order?.Order;
        await unit.AuditAsync(caller, "intake.register-call", "call", registered.CallRecordId.ToString(), null, new
        {
            OrderType = call.OrderType.ToString(),
            call.CallId,
            OrderId = order?.OrderId.ToString(),
            order?.OrderNumber,
            registered.RepeatCall,
            registered.HandedToComplaints,
        });
        await unit.CommitAsync();
        var outcome = registered.HandedToComplaints ? "complaint" : registered.RepeatCall ? "repeat"
            : call.OrderType.NeedsVisit() ? "opened" : "answered";
        activity?.SetTag("outcome", outcome);
        IntakeTelemetry.CallsRegistered.Add(1,
            new KeyValuePair<string, object?>("order_type", call.OrderType.ToString()), new KeyValuePair<string, object?>("outcome", outcome));
        return reply;
    }

    private async Task<RegisteredCall> OpenOrderAsync(UnitOfWork unit, CallRegistration call, Guid callRecordId, Guid customerId, CancellationToken ct)
    {
        var stored = call.SerialNumber is null ? null
            : await unit.QuerySingleOrDefaultAsync<UnitRow>(IntakeSql.SelectUnit, new { call.SerialNumber });
        var known = WithStoredProofs(call, stored);
        var history = await UnitHistory.LoadAsync(unit.Connection, unit.Transaction, call.SerialNumber, ct);
        var decision = warranty.Decide(known.ToWarrantyRequest(history.FaultReports, history.Repairs));
        var fee = fees.Estimate(new FeeRequest
        {
            OrderType = call.OrderType,
            FaultCategory = call.FaultCategory,
            Warranty = decision,
            BranchTimeZone = call.District.Branch.TimeZone,
            RequestedVisitAt = call.RequestedVisitAt,
            Invoice = decision.InvoiceNeedsVerification ? InvoiceVerdict.Pending : null,
        });
        await SaveUnitAsync(unit, call, customerId);

        var now = unit.Now;
        var today = LegalPeriod.LocalDate(now, call.District.Branch.TimeZone);
        var orderId = Guid.NewGuid();
        var number = await OrderNumbers.NextAsync(unit, options.Value.OrderNumberPrefix, today);
        var district = call.District;
        await unit.ExecuteAsync(IntakeSql.InsertOrder, new
        {
            OrderId = orderId,
            OrderNumber = number,
            OrderType = call.OrderType.ToString(),
            Status = (call.OrderType.NeedsVisit() ? OrderStatus.Open : OrderStatus.Answered).ToString(),
            BranchCode = district.Branch.Code,
            BranchName = district.Branch.Name,
            district.ProvinceCode,
            district.CityCode,
            DistrictCode = district.Code,
            DistrictName = district.Name,
            IsUrban = district.Area == AreaKind.Urban,
            CustomerId = customerId,
            call.CustomerName,
            call.CallerNumber,
            call.StreetAddress,
            call.SerialNumber,
            call.ProductModel,
            FaultCategory = call.FaultCategory.ToString(),
            call.FaultDescription,
            BracketSource = call.BracketSource.ToString(),
            call.RequestedVisitAt,
            call.CallId,
            call.AgentId,
            decision.InWarranty,
            WarrantyCoverage = decision.Coverage.ToString(),
            decision.ExchangeEligible,
            decision.InvoiceNeedsVerification,
            WarrantyDecision = StoredDecisions.Write(decision),
            FeeChargeable = fee.Chargeable,
            FeeTotal = fee.Total,
            FeeEstimate = StoredDecisions.Write(fee),
            RegisteredAt = now,
            RegisteredOn = today,
            InvoiceVerification = decision.InvoiceNeedsVerification ? "Pending" : null,
        });
        // Rule 8 counts fault reports of customers' units; the engine says which call reported one.
        if (call.SerialNumber is not null && known.ToWarrantyRequest([], []).CurrentFault is { } fault)
            await unit.ExecuteAsync(IntakeSql.InsertFaultReport, new
            {
                OrderId = orderId, call.SerialNumber, ReportedOn = today, FaultCategory = fault.ToString(),
            });
        await InsertCallAsync(unit, call, callRecordId, customerId, orderId, repeat: false);

        if (call.OrderType.NeedsVisit())
            await unit.PublishAsync(new ServiceOrderOpened(
                orderId, number, now, call.OrderType.ToString(), district.Branch.Code, district.ProvinceCode,
                district.CityCode, district.Code, district.Area == AreaKind.Urban, call.CustomerName, call.CallerNumber,
                call.StreetAddress ?? "", call.ProductModel ?? "", call.SerialNumber ?? "", call.FaultCategory.ToString(),
                decision.InWarranty, decision.ExchangeEligible, call.RequestedVisitAt, call.CallId, district.Name), orderId.ToString());

        var order = (await unit.QuerySingleOrDefaultAsync<ServiceOrderRow>(IntakeSql.SelectOrderById, new { OrderId = orderId }))!;
        if (!call.OrderType.NeedsVisit())
            return new RegisteredCall(callRecordId, new OrderRecord(order, []), RepeatCall: false, RepeatCount: 0, HandedToComplaints: false);
        // What the customer is told now is the first estimate on record (rule 13); it is re-estimated as dispatch learns more.
        // The new order's history is that one estimate, and keeping it changed only the revision of the row just read,
        // so neither is read back.
        var kept = await FeeQuotes.KeepAsync(unit, order, fee, FeeQuotes.Causes.Registered);
        return new RegisteredCall(callRecordId, new OrderRecord(order with { FeeRevision = kept.Revision }, [kept]),
            RepeatCall: false, RepeatCount: 0, HandedToComplaints: false);
    }

    private static async Task<RegisteredCall> LinkRepeatCallAsync(UnitOfWork unit, CallRegistration call, Guid callRecordId, Guid customerId, Guid orderId)
    {
        await InsertCallAsync(unit, call, callRecordId, customerId, orderId, repeat: true);
        await unit.ExecuteAsync(IntakeSql.LinkRepeatCall, new { OrderId = orderId });
        var order = (await unit.QuerySingleOrDefaultAsync<ServiceOrderRow>(IntakeSql.SelectOrderById, new { OrderId = orderId }))!;
        await unit.ExecuteAsync(IntakeSql.InsertRepeatCall, new
        {
            CallRecordId = callRecordId, OrderId = orderId, RepeatNumber = order.RepeatCallCount, CalledAt = unit.Now,
        });
        await unit.PublishAsync(new RepeatCallLinked(callRecordId, orderId, order.OrderNumber, order.BranchCode,
            call.CustomerName, call.CallerNumber, call.CallId, order.RepeatCallCount, unit.Now), orderId.ToString());
        return new RegisteredCall(callRecordId, new OrderRecord(order, []), RepeatCall: true, order.RepeatCallCount, HandedToComplaints: false);
    }

    private static async Task<RegisteredCall> HandComplaintAsync(UnitOfWork unit, CallRegistration call, Guid callRecordId, Guid customerId)
    {
        ServiceOrderRow? related = null;
        if (call.RelatedOrderNumber is { } number)
        {
            related = await unit.QuerySingleOrDefaultAsync<ServiceOrderRow>(IntakeSql.SelectOrderByNumber, new { OrderNumber = number });
            if (related is null)
                new FieldErrors().Add(RegisterCallFields.RelatedOrderNumber, "is not a known order number").ThrowIfAny();
        }
        await InsertCallAsync(unit, call, callRecordId, customerId, related?.OrderId, repeat: false);
        await unit.PublishAsync(new ComplaintCallRegistered(
            callRecordId, call.CallId, related?.BranchCode ?? call.District.Branch.Code, call.CustomerName, call.CallerNumber,
            related?.OrderId, related?.OrderNumber, call.SerialNumber ?? related?.SerialNumber, related?.EngineerId,
            call.ComplaintCategory.ToString(), call.ComplaintDescription ?? "", call.AgentId, unit.Now), callRecordId.ToString());
        return new RegisteredCall(callRecordId, null, RepeatCall: false, RepeatCount: 0, HandedToComplaints: true);
    }

    private static async Task<Guid?> FindOpenOrderAsync(UnitOfWork unit, CallRegistration call)
    {
        var open = await unit.QueryAsync<Guid>(IntakeSql.SelectOpenOrderForCall,
            new { OrderStatusFacts.Closed, call.SerialNumber, call.CallerNumber });
        return open.Select(id => (Guid?)id).FirstOrDefault();
    }

    /// <summary>Proofs given on an earlier call about the same unit count when this call gives none.</summary>
    private static CallRegistration WithStoredProofs(CallRegistration call, UnitRow? stored)
    {
        if (stored is null)
            return call;
        var storedInstallation = stored.InstalledThroughHotline && !call.InstalledThroughHotline;
        return call with
        {
            InvoiceDate = call.InvoiceDate ?? stored.InvoiceDate,
            ProductionDate = call.ProductionDate ?? stored.ProductionDate,
            InstallationDate = storedInstallation ? stored.InstallationDate : call.InstallationDate,
            InstalledThroughHotline = call.InstalledThroughHotline || stored.InstalledThroughHotline,
        };
    }

    private static async Task<Guid> SaveCustomerAsync(UnitOfWork unit, CallRegistration call)
    {
        var p = new
        {
            CustomerId = Guid.NewGuid(),
            call.CallerNumber,
            Name = call.CustomerName,
            call.District.ProvinceCode,
            call.District.CityCode,
            DistrictCode = call.District.Code,
            call.StreetAddress,
            unit.Now,
        };
        // The upsert returns the id of the row it inserted or updated: a known caller keeps the id given first.
        return await unit.ExecuteScalarAsync<Guid>(IntakeSql.UpsertCustomer[unit.Dialect], p);
    }

    private static async Task SaveUnitAsync(UnitOfWork unit, CallRegistration call, Guid customerId)
    {
        if (call.SerialNumber is null)
            return;
        var p = new
        {
            call.SerialNumber,
            call.ProductModel,
            CustomerId = customerId,
            call.ProductionDate,
            call.PurchaseDate,
            call.InvoiceNumber,
            call.InvoiceDate,
            call.HasWarrantyCard,
            call.InstallationDate,
            call.InstalledThroughHotline,
            unit.Now,
        };
        await unit.ExecuteAsync(IntakeSql.UpsertUnit[unit.Dialect], p);
    }

    private static Task InsertCallAsync(UnitOfWork unit, CallRegistration call, Guid callRecordId, Guid customerId, Guid? orderId, bool repeat) =>
        unit.ExecuteAsync(IntakeSql.InsertCall, new
        {
            CallRecordId = callRecordId,
            call.CallId,
            call.CallerNumber,
            CustomerId = customerId,
            call.AgentId,
            CalledAt = unit.Now,
            OrderType = call.OrderType.ToString(),
            OrderId = orderId,
            RepeatCall = repeat,
            ComplaintCategory = call.OrderType == OrderType.Complaint ? call.ComplaintCategory.ToString() : null,
            call.ComplaintDescription,
        });
}
