using Microsoft.Extensions.Options;
using TclHotline.Grpc.Telephony.V1;
using TclHotline.ServiceDefaults.Database;
using TclHotline.Telephony.Data;
using TclHotline.Telephony.Domain;

namespace TclHotline.Telephony.Application;

/// <summary>Who is calling, from telephony's own projection of intake's and dispatch's events.</summary>
public sealed class CallerLookup(IOptions<TelephonyOptions> options)
{
    public async Task<ScreenPop> PopAsync(UnitOfWork unit, CallRow call)
    {
        var phone = PhoneNumber.Normalize(call.CallerNumber);
        var shown = options.Value.ScreenPopOpenOrders;
        CustomerRow? customer = null;
        IReadOnlyList<OrderRow> orders = [];
        if (phone.Length > 0)
        {
            customer = await unit.QuerySingleOrDefaultAsync<CustomerRow>(TelephonySql.SelectCustomer, new { Phone = phone });
            // The newest orders describe the units; open orders are read apart so an old one still open is not missed.
            // One more open order than shown says whether there are more.
            var latest = await unit.QueryAsync<OrderRow>(TelephonySql.SelectLatestOrdersOfCustomer[unit.Dialect], new { Phone = phone, Take = shown });
            var open = await unit.QueryAsync<OrderRow>(TelephonySql.SelectOpenOrdersOfCustomer[unit.Dialect], new { Phone = phone, Take = shown + 1, OrderStatus.Closed });
            orders = latest.Concat(open).DistinctBy(o => o.OrderId).OrderBy(o => o.RegisteredAt).ToList();
        }
        return ScreenPops.From(call, customer, orders, unit.Now, shown);
    }
}
