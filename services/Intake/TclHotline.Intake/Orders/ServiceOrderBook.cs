using Dapper;
using Microsoft.Extensions.Options;
using TclHotline.Intake.Domain;
using TclHotline.Intake.Domain.Regions;
using TclHotline.Intake.Domain.Warranty;
using TclHotline.Intake.Grpc;
using TclHotline.Intake.Storage;
using TclHotline.Messages.Intake;
using TclHotline.ServiceDefaults.Grpc;
using TclHotline.ServiceDefaults.Security;
using V1 = TclHotline.Grpc.Intake.V1;

namespace TclHotline.Intake.Orders;

/// <summary>The stored service orders: finding, listing, cancelling, and the screen pop of a caller.</summary>
public sealed class ServiceOrderBook(IntakeDatabase db, RegionCatalogue regions, WarrantyEngine warranty, IOptions<IntakeOptions> options)
{
    public async Task<ServiceOrderRow> GetAsync(string orderNumber, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        return await c.QuerySingleOrDefaultAsync<ServiceOrderRow>(new CommandDefinition(
                   IntakeSql.SelectOrderByNumber, new { OrderNumber = orderNumber }, cancellationToken: ct))
               ?? throw new NotFoundException("no such service order");
    }

    /// <summary>One page, newest first; the page token is the number of orders already returned.</summary>
    public async Task<V1.ListServiceOrdersReply> ListAsync(ServiceOrderFilter filter, int pageSize, string pageToken, CancellationToken ct)
    {
        var take = pageSize <= 0 ? options.Value.DefaultPageSize : Math.Min(pageSize, options.Value.MaxPageSize);
        var skip = string.IsNullOrEmpty(pageToken) ? 0 : int.Parse(pageToken, System.Globalization.CultureInfo.InvariantCulture);
        await using var c = await db.OpenAsync(ct);
        var rows = (await c.QueryAsync<ServiceOrderRow>(new CommandDefinition(IntakeSql.ListOrders[db.Dialect], new
        {
            filter.BranchCode,
            Status = filter.Status?.ToString(),
            OrderType = filter.OrderType?.ToString(),
            filter.From,
            filter.To,
            Skip = skip,
            Take = take + 1,
        }, cancellationToken: ct))).ToList();
        var reply = new V1.ListServiceOrdersReply();
        reply.Orders.AddRange(rows.Take(take).Select(IntakeContract.ToContract));
        if (rows.Count > take)
            reply.NextPageToken = (skip + take).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return reply;
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
        await unit.CommitAsync();
        return cancelled!;
    }

    /// <summary>The screen pop: the customer, their units with the warranty position today, open orders, last calls.</summary>
    public async Task<V1.LookupCallerReply> LookupAsync(string callerNumber, int maxCalls, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        var number = new { CallerNumber = callerNumber };
        var customer = await c.QuerySingleOrDefaultAsync<CustomerRow>(new CommandDefinition(IntakeSql.SelectCustomerByPhone, number, cancellationToken: ct));
        if (customer is null)
            return new V1.LookupCallerReply { Found = false };
        var reply = new V1.LookupCallerReply { Found = true, Customer = IntakeContract.ToContract(customer) };

        var units = await c.QueryAsync<UnitRow>(new CommandDefinition(IntakeSql.SelectUnitsOfCustomer, new { customer.CustomerId }, cancellationToken: ct));
        foreach (var unit in units)
        {
            var history = await UnitHistory.LoadAsync(c, null, unit.SerialNumber, ct);
            var decision = warranty.Decide(new WarrantyRequest
            {
                BranchTimeZone = regions.FindDistrict(customer.DistrictCode)?.Branch.TimeZone ?? regions.TimeZone,
                SerialNumber = unit.SerialNumber,
                LabelProductionDate = unit.ProductionDate,
                InvoiceDate = unit.InvoiceDate,
                HotlineInstallationDate = unit.InstalledThroughHotline ? unit.InstallationDate : null,
                PriorFaultReports = history.FaultReports,
                Repairs = history.Repairs,
            });
            reply.Units.Add(IntakeContract.ToContract(unit, history.Repairs.Count, decision));
        }

        var open = await c.QueryAsync<ServiceOrderRow>(new CommandDefinition(IntakeSql.SelectOpenOrdersOfCaller,
            new { CallerNumber = callerNumber, OrderStatusFacts.Closed }, cancellationToken: ct));
        reply.OpenOrders.AddRange(open.Select(IntakeContract.ToContract));
        var calls = await c.QueryAsync<CallRow>(new CommandDefinition(IntakeSql.SelectLastCalls[db.Dialect], new
        {
            CallerNumber = callerNumber, Take = maxCalls > 0 ? maxCalls : options.Value.LastCallsShown,
        }, cancellationToken: ct));
        reply.LastCalls.AddRange(calls.Select(IntakeContract.ToContract));
        return reply;
    }
}

/// <summary>What a list of orders is limited to; null means any.</summary>
public sealed record ServiceOrderFilter(string? BranchCode, OrderStatus? Status, OrderType? OrderType, DateOnly? From, DateOnly? To);
