using TclHotline.Grpc.Telephony.V1;
using TclHotline.ServiceDefaults.Database;
using TclHotline.Telephony.Data;
using TclHotline.Telephony.Domain;

namespace TclHotline.Telephony.Desk;

/// <summary>Who is calling, from telephony's own projection of intake's and dispatch's events.</summary>
public sealed class CallerLookup
{
    public async Task<ScreenPop> PopAsync(UnitOfWork unit, CallRow call)
    {
        var phone = PhoneNumber.Normalize(call.CallerNumber);
        CustomerRow? customer = null;
        IReadOnlyList<OrderRow> orders = [];
        if (phone.Length > 0)
        {
            customer = await unit.QuerySingleOrDefaultAsync<CustomerRow>(TelephonySql.SelectCustomer, new { Phone = phone });
            orders = (await unit.QueryAsync<OrderRow>(TelephonySql.SelectOrdersOfCustomer, new { Phone = phone })).ToList();
        }
        return ScreenPops.From(call, customer, orders, unit.Now);
    }
}
