using TclHotline.Messages.Intake;
using TclHotline.ServiceDefaults.Database;
using TclHotline.ServiceDefaults.Inbox;
using TclHotline.Telephony.Data;
using TclHotline.Telephony.Domain;

namespace TclHotline.Telephony.Consumers;

/// <summary>Learns the customer, the unit and the order for later screen pops, and links the call that opened it.</summary>
public sealed class ServiceOrderOpenedConsumer(TelephonyDatabase db) : InboxConsumer<ServiceOrderOpened, TelephonyDatabase>(db)
{
    protected override async Task Handle(ServiceOrderOpened m, UnitOfWork unit)
    {
        var phone = PhoneNumber.Normalize(m.CustomerPhone);
        if (phone.Length > 0)
            await unit.ExecuteAsync(TelephonySql.UpsertCustomer[unit.Dialect], new { Phone = phone, Name = m.CustomerName, unit.Now });
        await OrderProjection.ApplyAsync(unit, m.OrderId, m.BranchCode, TelephonySql.ApplyOrderOpened, new
        {
            m.OrderId,
            m.OrderNumber,
            m.BranchCode,
            CustomerPhone = phone,
            m.CustomerName,
            m.SerialNumber,
            m.ProductModel,
            m.ExchangeEligible,
            m.RegisteredAt,
            unit.Now,
        });
        if (string.IsNullOrWhiteSpace(m.CallId)) return;
        await unit.ExecuteAsync(TelephonySql.EnsureCall[unit.Dialect], new { m.CallId, unit.Now });
        await unit.ExecuteAsync(TelephonySql.LinkCallToOrder, new { m.CallId, m.OrderId, unit.Now });
    }
}
