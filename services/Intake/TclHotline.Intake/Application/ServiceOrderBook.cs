using Dapper;
using Microsoft.Extensions.Options;
using TclHotline.Intake.Data;
using TclHotline.Intake.Domain;
using TclHotline.Intake.Domain.Regions;
using TclHotline.Intake.Domain.Warranty;
using TclHotline.Messages.Intake;
using TclHotline.ServiceDefaults.Grpc;
using TclHotline.ServiceDefaults.Security;

namespace TclHotline.Intake.Application;

/// <summary>The stored service orders: finding, listing, cancelling, and the screen pop of a caller.</summary>
public sealed class ServiceOrderBook(
    IntakeDatabase db, UnitWarranty unitWarranty, FeeQuotes quotes, IOptions<IntakeOptions> options)
{
    public const string ListOperation = "intake.orders.list";
    public const string PendingVerificationsOperation = "intake.pending-invoice-verifications.list";

    /// <summary>The order as returned to one reader: with every estimate given so far.</summary>
    public async Task<OrderRecord> ReadAsync(ServiceOrderRow order, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        var history = await c.QueryAsync<FeeEstimateRow>(new CommandDefinition(
            IntakeSql.SelectEstimates, new { order.OrderId, order.FeeRevision }, cancellationToken: ct));
        return new OrderRecord(order, [.. history]);
    }

    /// <summary>
    /// Rule 12: the branch's verdict on a suspicious invoice. False loses free service: the order is re-estimated
    /// as chargeable with the reason the customer is told. Genuine clears the flag (and the provisional mark).
    /// </summary>
    public async Task<ServiceOrderRow> VerifyInvoiceAsync(string orderNumber, bool genuine, string reason, Caller caller, CancellationToken ct)
    {
        await using var unit = await db.BeginAsync(ct);
        var order = await unit.QuerySingleOrDefaultAsync<ServiceOrderRow>(IntakeSql.SelectOrderByNumber, new { OrderNumber = orderNumber })
                    ?? throw new NotFoundException("no such service order");
        caller.EnsureBranch(order.BranchCode);
        var verdict = genuine ? "Genuine" : "False";
        var changed = await unit.ExecuteAsync(IntakeSql.RecordInvoiceVerification, new
        {
            order.OrderId, Verdict = verdict, Reason = reason, VerifiedBy = caller.UserId, unit.Now,
        });
        if (changed == 0)
            throw new RuleViolationException(order.InvoiceVerification is null
                ? "the order's invoice was not flagged for verification"
                : $"the invoice was already verified as {order.InvoiceVerification.ToLowerInvariant()}");
        if (!order.Status.IsClosed())
            await quotes.ReestimateAsync(unit, order.OrderId, FeeQuotes.Causes.InvoiceVerified);
        var after = (await unit.QuerySingleOrDefaultAsync<ServiceOrderRow>(IntakeSql.SelectOrderById, new { order.OrderId }))!;
        await unit.AuditAsync(caller, "service-order.verify-invoice", "service-order", order.OrderId.ToString(),
            new { order.InvoiceVerification }, new { InvoiceVerification = verdict, Reason = reason });
        await unit.CommitAsync();
        return after;
    }

    /// <summary>One page, oldest first.</summary>
    public Task<OrderPage> PendingInvoiceVerificationsAsync(
        string branchCode, int pageSize, ServiceOrderListPosition? after, CancellationToken ct) =>
        PageAsync(PendingVerificationsOperation, IntakeSql.SelectPendingInvoiceVerifications[db.Dialect], new { BranchCode = branchCode }, pageSize, after, ct);

    public async Task<ServiceOrderRow> GetAsync(string orderNumber, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        return await c.QuerySingleOrDefaultAsync<ServiceOrderRow>(new CommandDefinition(
                   IntakeSql.SelectOrderByNumber, new { OrderNumber = orderNumber }, cancellationToken: ct))
               ?? throw new NotFoundException("no such service order");
    }

    /// <summary>One page, newest first.</summary>
    public Task<OrderPage> ListAsync(ServiceOrderFilter filter, int pageSize, ServiceOrderListPosition? after, CancellationToken ct) =>
        PageAsync(ListOperation, IntakeSql.ListOrders[db.Dialect], new
        {
            filter.BranchCode,
            Status = filter.Status?.ToString(),
            OrderType = filter.OrderType?.ToString(),
            filter.From,
            filter.To,
        }, pageSize, after, ct);

    /// <summary>
    /// A page of orders (the statement takes @Take and the previous page's last order as @AfterRegisteredAt and
    /// @AfterOrderNumber); the page token is that last order's key, so orders registered meanwhile shift nothing.
    /// </summary>
    private async Task<OrderPage> PageAsync(
        string list, string sql, object filter, int pageSize, ServiceOrderListPosition? after, CancellationToken ct)
    {
        var take = pageSize <= 0 ? options.Value.DefaultPageSize : Math.Min(pageSize, options.Value.MaxPageSize);
        var parameters = new DynamicParameters(filter);
        parameters.Add("AfterRegisteredAt", after?.RegisteredAt);
        parameters.Add("AfterOrderNumber", after?.OrderNumber);
        parameters.Add("Take", take + 1);
        await using var c = await db.OpenAsync(ct);
        var rows = (await c.QueryAsync<ServiceOrderRow>(new CommandDefinition(sql, parameters, cancellationToken: ct))).ToList();
        var (page, next) = PageToken.Page(list, rows, take, o => new ServiceOrderListPosition(o.RegisteredAt, o.OrderNumber));
        return new OrderPage(page, next);
    }

    public async Task<ServiceOrderRow> CancelAsync(string orderNumber, string reason, string cancelledBy, Caller caller, CancellationToken ct)
    {
        await using var unit = await db.BeginAsync(ct);
        var order = await unit.QuerySingleOrDefaultAsync<ServiceOrderRow>(IntakeSql.SelectOrderByNumber, new { OrderNumber = orderNumber })
                    ?? throw new NotFoundException("no such service order");
        caller.EnsureMayHandle(order.BranchCode);
        var changed = await unit.ExecuteAsync(IntakeSql.CancelOrder, new
        {
            order.OrderId, Reason = reason, CancelledBy = cancelledBy, unit.Now, OrderStatusFacts.Closed,
        });
        if (changed == 0)
            throw new RuleViolationException($"the order is {order.Status} and can no longer be cancelled");
        await unit.PublishAsync(new ServiceOrderCancelled(order.OrderId, order.OrderNumber, order.BranchCode, reason, cancelledBy, unit.Now),
            order.OrderId.ToString());
        var cancelled = await unit.QuerySingleOrDefaultAsync<ServiceOrderRow>(IntakeSql.SelectOrderById, new { order.OrderId });
        await unit.AuditAsync(caller, "service-order.cancel", "service-order", order.OrderId.ToString(),
            new { order.Status }, new { cancelled!.Status, Reason = reason, CancelledBy = cancelledBy });
        await unit.CommitAsync();
        return cancelled!;
    }

    /// <summary>The screen pop: the customer, their units with the warranty position today, open orders, last calls.</summary>
    public async Task<CallerLookup> LookupAsync(string callerNumber, int maxCalls, int maxOpenOrders, int maxUnits, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        var number = new { CallerNumber = callerNumber };
        var customer = await c.QuerySingleOrDefaultAsync<CustomerRow>(new CommandDefinition(IntakeSql.SelectCustomerByPhone, number, cancellationToken: ct));
        if (customer is null)
            return CallerLookup.Unknown;

        // One more than shown, here and for the open orders, says whether there are more.
        var unitsShown = maxUnits > 0 ? maxUnits : options.Value.UnitsShown;
        var units = (await c.QueryAsync<UnitRow>(new CommandDefinition(IntakeSql.SelectUnitsOfCustomer[db.Dialect],
            new { customer.CustomerId, Take = unitsShown + 1 }, cancellationToken: ct))).ToList();
        var unitsOnRecord = new List<UnitOnRecord>();
        foreach (var unit in units.Take(unitsShown))
        {
            var (decision, history) = await unitWarranty.DecideAsync(c, null, unit, customer.DistrictCode, ct);
            unitsOnRecord.Add(new UnitOnRecord(unit, history.Repairs.Count, decision));
        }

        var shown = maxOpenOrders > 0 ? maxOpenOrders : options.Value.OpenOrdersShown;
        var open = (await c.QueryAsync<ServiceOrderRow>(new CommandDefinition(IntakeSql.SelectOpenOrdersOfCaller[db.Dialect],
            new { CallerNumber = callerNumber, OrderStatusFacts.Closed, Take = shown + 1 }, cancellationToken: ct))).ToList();
        var calls = await c.QueryAsync<CallRow>(new CommandDefinition(IntakeSql.SelectLastCalls[db.Dialect], new
        {
            CallerNumber = callerNumber, Take = maxCalls > 0 ? maxCalls : options.Value.LastCallsShown,
        }, cancellationToken: ct));
        return new CallerLookup(customer, unitsOnRecord, units.Count > unitsShown, [.. open.Take(shown)], open.Count > shown, [.. calls]);
    }
}

/// <summary>Where an order sorts in a list (newest or oldest first): the page token's key.</summary>
public sealed record ServiceOrderListPosition(DateTimeOffset RegisteredAt, string OrderNumber);

/// <summary>What a list of orders is limited to; null means any.</summary>
public sealed record ServiceOrderFilter(string? BranchCode, OrderStatus? Status, OrderType? OrderType, DateOnly? From, DateOnly? To);
