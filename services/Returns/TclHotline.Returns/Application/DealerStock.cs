using Dapper;
using TclHotline.Returns.Api;
using TclHotline.Returns.Data;
using TclHotline.Returns.Domain;
using TclHotline.ServiceDefaults.Database;
using TclHotline.ServiceDefaults.Grpc;
using TclHotline.ServiceDefaults.Security;
using TclHotline.ServiceDefaults.Validation;
using V1 = TclHotline.Grpc.Returns.V1;

namespace TclHotline.Returns.Application;

/// <summary>
/// Units delivered to dealers, one by one or many at once (all or nothing), and rule 23's slow-moving stock
/// (滞销机) for the branch's sales staff and service director.
/// </summary>
public sealed class DealerStock(ReturnsDatabase db, Dealers dealers, ReturnsCalendar calendar, StockAging aging)
{
    public const string ListOperation = "returns.dealer-units.list";

    public sealed record Delivery(string SerialNumber, string ProductModel, string DealerCode, DateOnly DeliveredOn);

    /// <summary>
    /// Records the deliveries in one unit of work. A serial already delivered with the same facts is left as it
    /// is (a file imported twice); delivered to another dealer, on another day or as another model, it is refused
    /// under <paramref name="fieldPrefix"/>[i]. Dealers are checked first: the caller's branch, and a dealer only itself.
    /// </summary>
    public async Task<(int Recorded, int Unchanged)> RecordAsync(IReadOnlyList<Delivery> deliveries, Caller caller, Func<int, string> field, CancellationToken ct)
    {
        var errors = new FieldErrors();
        for (var i = 0; i < deliveries.Count; i++)
            if (dealers.Find(deliveries[i].DealerCode) is null)
                errors.Add(field(i) + "dealer_code", "is not a known dealer");
        var twice = deliveries.Select((d, i) => (d.SerialNumber, i)).GroupBy(x => x.SerialNumber).Where(g => g.Count() > 1);
        foreach (var group in twice)
            foreach (var (_, i) in group.Skip(1))
                errors.Add(field(i) + "serial_number", "appears twice in the request");
        errors.ThrowIfAny();
        foreach (var (d, i) in deliveries.Select((d, i) => (d, i)))
            caller.EnsureDealer(d.DealerCode, dealers.Find(d.DealerCode)!.Branch, field(i) + "dealer_code");

        await using var unit = await db.BeginAsync(ct);
        int recorded = 0, unchanged = 0;
        for (var i = 0; i < deliveries.Count; i++)
        {
            var d = deliveries[i];
            var stored = await ReturnsReads.UnitAsync(unit.Connection, unit.Transaction, d.SerialNumber);
            if (stored is not null)
            {
                if (stored.DealerCode == d.DealerCode && stored.DeliveredOn == d.DeliveredOn && stored.ProductModel == d.ProductModel)
                {
                    unchanged++;
                    continue;
                }
                errors.Add(field(i) + "serial_number", $"was already delivered to {stored.DealerCode} on {ReturnsCalendar.Format(stored.DeliveredOn)}");
                continue;
            }
            await unit.ExecuteAsync(ReturnsSql.InsertUnit, new
            {
                d.SerialNumber, d.ProductModel, d.DealerCode, BranchCode = dealers.Find(d.DealerCode)!.Branch, d.DeliveredOn,
                Status = nameof(StockStatus.InStock), RecordedBy = caller.UserId, RecordedAt = unit.Now,
            });
            recorded++;
        }
        errors.ThrowIfAny();
        await unit.AuditAsync(caller, "returns.record-deliveries", "dealer-stock", deliveries.Count == 1 ? deliveries[0].SerialNumber : "bulk",
            null, new { Recorded = recorded, Unchanged = unchanged, Dealers = deliveries.Select(d => d.DealerCode).Distinct().Order().ToList() });
        await unit.CommitAsync();
        return (recorded, unchanged);
    }

    public async Task<V1.DealerUnit> GetAsync(string serial, Caller caller, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        var unit = await ReturnsReads.UnitAsync(c, null, serial) ?? throw new NotFoundException("no unit with this serial number in dealer stock");
        caller.EnsureDealer(unit.DealerCode, unit.BranchCode, "serial_number");
        return ProtoMapping.ToProto(unit, aging, calendar.Today);
    }

    public async Task<V1.ListDealerUnitsResponse> ListAsync(string dealerCode, int pageSize, DealerUnitListPosition? after, Caller caller, CancellationToken ct)
    {
        var dealer = dealers.Find(dealerCode);
        if (dealer is null)
            new FieldErrors().Add("dealer_code", "is not a known dealer").ThrowIfAny();
        caller.EnsureDealer(dealerCode, dealer!.Branch);
        await using var c = await db.OpenAsync(ct);
        var rows = (await c.QueryAsync<DealerUnitRow>(ReturnsSql.SelectUnitsOfDealer[db.Dialect],
            new { DealerCode = dealerCode, After = after?.SerialNumber ?? "", Take = pageSize + 1 })).ToList();
        var today = calendar.Today;
        var (page, next) = PageToken.Page(ListOperation, rows, pageSize, u => new DealerUnitListPosition(u.SerialNumber));
        var response = new V1.ListDealerUnitsResponse { NextPageToken = next };
        response.Units.AddRange(page.Select(u => ProtoMapping.ToProto(u, aging, today)));
        return response;
    }

    /// <summary>Rule 23: the branch's units in stock longer than the configured months, oldest delivery first.</summary>
    public async Task<V1.AgingStock> AgingAsync(string branch, CancellationToken ct)
    {
        var today = calendar.Today;
        await using var c = await db.OpenAsync(ct);
        var units = (await c.QueryAsync<DealerUnitRow>(ReturnsSql.SelectAgingUnits,
            new { BranchCode = branch, LatestAgingDelivery = aging.LatestAgingDelivery(today) })).ToList();
        var inStock = await c.QueryAsync<DealerCountRow>(ReturnsSql.CountInStockByDealer, new { BranchCode = branch });
        var reply = new V1.AgingStock { BranchCode = branch, AsOf = ReturnsCalendar.Format(today), AgingMonths = aging.Months };
        reply.Units.AddRange(units.Select(u => ProtoMapping.ToProto(u, aging, today)));
        reply.ByDealer.AddRange(inStock.OrderBy(d => d.DealerCode, StringComparer.Ordinal).Select(d => new V1.DealerAging
        {
            DealerCode = d.DealerCode,
            InStockUnits = d.Count,
            AgingUnits = units.Count(u => u.DealerCode == d.DealerCode),
        }));
        return reply;
    }
}

/// <summary>Where a unit sorts in a dealer's stock, by serial number: the page token's key.</summary>
public sealed record DealerUnitListPosition(string SerialNumber);
