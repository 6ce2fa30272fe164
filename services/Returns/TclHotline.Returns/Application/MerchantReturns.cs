using Dapper;
using Google.Protobuf.WellKnownTypes;
using TclHotline.Messages.Returns;
using TclHotline.Returns.Data;
using TclHotline.Returns.Domain;
using TclHotline.ServiceDefaults.Grpc;
using TclHotline.ServiceDefaults.Security;
using TclHotline.ServiceDefaults.Validation;
using V1 = TclHotline.Grpc.Returns.V1;

namespace TclHotline.Returns.Application;

/// <summary>
/// Rule 19: units sent back by dealers and malls (商返机). The class follows from the reason; a service-class
/// return (a customer's unit repaired too slowly) must name orders that exist, are of that unit and were slow
/// by rule 9, judged from the order facts this service keeps from the bus. Reported as the rate per branch,
/// dealer and month, by class.
/// </summary>
public sealed class MerchantReturns(ReturnsDatabase db, Dealers dealers, ReturnsCalendar calendar, SlowRepair slowRepair)
{
    public const string RegisterOperation = "returns.register-merchant-return";
    public const string OrdersField = "service_order_numbers";

    public sealed record NewReturn(string DealerCode, string SerialNumber, ReturnReason Reason, IReadOnlyList<string> ServiceOrderNumbers, string Note);

    public async Task<V1.MerchantReturn> RegisterAsync(NewReturn input, Caller caller, IdempotentRequest? idempotent, CancellationToken ct)
    {
        var dealer = dealers.Find(input.DealerCode);
        if (dealer is null)
            new FieldErrors().Add("dealer_code", "is not a known dealer").ThrowIfAny();
        caller.EnsureDealer(input.DealerCode, dealer!.Branch);
        var returnClass = ReturnClassification.ClassOf(input.Reason);

        await using var unit = await db.BeginAsync(ct);
        if (await unit.ReplayAsync<V1.MerchantReturn>(idempotent) is { } earlier)
            return earlier;
        var errors = new FieldErrors();
        var stocked = await ReturnsReads.UnitAsync(unit.Connection, unit.Transaction, input.SerialNumber);
        if (stocked is not null && stocked.DealerCode != input.DealerCode)
            errors.Add("serial_number", "was delivered to another dealer");
        var slow = await SlowOrdersAsync(unit, input, returnClass, errors);
        errors.ThrowIfAny();

        var id = Guid.NewGuid();
        var now = unit.Now;
        await unit.ExecuteAsync(ReturnsSql.InsertReturn, new
        {
            Id = id,
            BranchCode = dealer.Branch,
            input.DealerCode,
            input.SerialNumber,
            ProductModel = stocked?.ProductModel ?? "",
            Reason = input.Reason.ToString(),
            ReturnClass = returnClass.ToString(),
            input.Note,
            RegisteredBy = caller.UserId,
            RegisteredAt = now,
            RegisteredOn = calendar.DateOf(now),
        });
        foreach (var (order, finding) in slow)
            await unit.ExecuteAsync(ReturnsSql.InsertSlowOrder, new
            {
                ReturnId = id, order.OrderId, order.OrderNumber, finding.SlowBy, finding.Days, finding.ThresholdDays,
            });
        await unit.ExecuteAsync(ReturnsSql.LeaveStock, new { input.SerialNumber, Status = nameof(StockStatus.Returned), Now = now });
        await unit.PublishAsync(new MerchantReturnRegistered(id, dealer.Branch, input.DealerCode, input.SerialNumber,
            input.Reason.ToString(), returnClass.ToString(), [.. slow.Select(s => s.Order.OrderId)], now), id.ToString("D"));
        var reply = (await ReadAsync(unit.Connection, unit.Transaction, id))!;
        await unit.RememberAsync(idempotent, reply);
        await unit.AuditAsync(caller, RegisterOperation, "merchant-return", id.ToString("D"), null, new
        {
            input.DealerCode, input.SerialNumber, Reason = input.Reason.ToString(), ReturnClass = returnClass.ToString(),
            Orders = slow.Select(s => s.Order.OrderNumber).ToList(),
        });
        await unit.CommitAsync();
        return reply;
    }

    /// <summary>The named orders with what made each slow; every order that does not qualify is named in <paramref name="errors"/>.</summary>
    private async Task<List<(OrderFactRow Order, SlowRepairFinding Finding)>> SlowOrdersAsync(
        ServiceDefaults.Database.UnitOfWork unit, NewReturn input, ReturnClass returnClass, FieldErrors errors)
    {
        var result = new List<(OrderFactRow, SlowRepairFinding)>();
        if (returnClass != ReturnClass.Service)
        {
            if (input.ServiceOrderNumbers.Count > 0)
                errors.Add(OrdersField, "names service orders, which only a return for a repair that took too long does");
            return result;
        }
        if (input.ServiceOrderNumbers.Count == 0)
        {
            errors.Add(OrdersField, "is required for a return because a repair took too long: name the slow service order(s)");
            return result;
        }
        var known = (await unit.QueryAsync<OrderFactRow>(ReturnsSql.SelectOrderFactsByNumbers, new { OrderNumbers = input.ServiceOrderNumbers }))
            .ToDictionary(o => o.OrderNumber, StringComparer.Ordinal);
        var now = unit.Now;
        for (var i = 0; i < input.ServiceOrderNumbers.Count; i++)
        {
            var field = $"{OrdersField}[{i}]";
            if (!known.TryGetValue(input.ServiceOrderNumbers[i], out var order))
            {
                errors.Add(field, "is not a known service order");
                continue;
            }
            if (order.SerialNumber != input.SerialNumber)
            {
                errors.Add(field, "is about another unit than serial_number");
                continue;
            }
            var facts = new OrderFacts(order.OrderId, order.OrderNumber, order.BranchCode, order.SerialNumber, order.RegisteredAt,
                order.CompletedAt, order.DaysInRepair, order.DaysWaitingForParts, order.CancelledAt, order.SlowRepairDecidedAt);
            if (slowRepair.Judge(facts, now) is { } finding)
                result.Add((order, finding));
            else
                errors.Add(field, "was not slow by rule 9: neither the repairer's nor the parts allowance was exceeded");
        }
        return result;
    }

    public async Task<V1.MerchantReturn> GetAsync(Guid id, Caller caller, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        var reply = await ReadAsync(c, null, id) ?? throw new NotFoundException("no such merchant return");
        caller.EnsureDealer(reply.DealerCode, reply.BranchCode);
        return reply;
    }

    /// <summary>Rule 19: returns over deliveries, for the branch and each dealer, in the month, by class.</summary>
    public async Task<V1.MerchantReturnRates> RatesAsync(string branch, string month, CancellationToken ct)
    {
        var (from, to) = ReturnsCalendar.Month(month)!.Value;
        await using var c = await db.OpenAsync(ct);
        var returns = (await c.QueryAsync<DealerClassCountRow>(ReturnsSql.CountReturnsOfMonth, new { BranchCode = branch, From = from, To = to })).ToList();
        var delivered = (await c.QueryAsync<DealerCountRow>(ReturnsSql.CountDeliveriesByDealer, new { BranchCode = branch, From = from, To = to }))
            .ToDictionary(d => d.DealerCode, d => d.Count, StringComparer.Ordinal);
        int Count(IEnumerable<DealerClassCountRow> rows, ReturnClass cls) => rows.Where(r => r.ReturnClass == cls.ToString()).Sum(r => r.Count);
        var reply = new V1.MerchantReturnRates
        {
            BranchCode = branch,
            Month = month,
            Branch = Rate(Count(returns, ReturnClass.Commercial), Count(returns, ReturnClass.Service), delivered.Values.Sum()),
        };
        foreach (var dealer in returns.Select(r => r.DealerCode).Concat(delivered.Keys).Distinct().Order(StringComparer.Ordinal))
        {
            var own = returns.Where(r => r.DealerCode == dealer).ToList();
            reply.ByDealer.Add(new V1.DealerReturnRate
            {
                DealerCode = dealer,
                Rate = Rate(Count(own, ReturnClass.Commercial), Count(own, ReturnClass.Service), delivered.GetValueOrDefault(dealer)),
            });
        }
        return reply;
    }

    private static V1.ReturnRate Rate(int commercial, int service, int delivered) => new()
    {
        Commercial = commercial,
        Service = service,
        Delivered = delivered,
        CommercialPercent = Percent(commercial, delivered),
        ServicePercent = Percent(service, delivered),
    };

    private static double Percent(int part, int whole) =>
        whole == 0 ? 0 : (double)Math.Round(100m * part / whole, 2, MidpointRounding.AwayFromZero);

    private static async Task<V1.MerchantReturn?> ReadAsync(System.Data.IDbConnection c, System.Data.IDbTransaction? tx, Guid id)
    {
        var r = await c.QuerySingleOrDefaultAsync<MerchantReturnRow>(ReturnsSql.SelectReturn, new { Id = id }, tx);
        if (r is null) return null;
        var slow = await c.QueryAsync<SlowOrderRow>(ReturnsSql.SelectSlowOrders, new { ReturnId = id }, tx);
        var pb = new V1.MerchantReturn
        {
            ReturnId = r.Id.ToString("D"),
            BranchCode = r.BranchCode,
            DealerCode = r.DealerCode,
            SerialNumber = r.SerialNumber,
            ProductModel = r.ProductModel,
            Reason = Api.ProtoMapping.ToProto<ReturnReason, V1.ReturnReason>(r.Reason),
            Class = Api.ProtoMapping.ToProto<ReturnClass, V1.ReturnClass>(r.ReturnClass),
            Note = r.Note,
            RegisteredBy = r.RegisteredBy,
            RegisteredAt = Timestamp.FromDateTimeOffset(r.RegisteredAt),
            RegisteredOn = ReturnsCalendar.Format(r.RegisteredOn),
        };
        pb.SlowOrders.AddRange(slow.Select(s => new V1.SlowOrder
        {
            OrderId = s.OrderId.ToString("D"), OrderNumber = s.OrderNumber, SlowBy = s.SlowBy, Days = s.Days, ThresholdDays = s.ThresholdDays,
        }));
        return pb;
    }
}
