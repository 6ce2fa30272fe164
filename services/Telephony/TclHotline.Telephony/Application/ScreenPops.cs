using Google.Protobuf.WellKnownTypes;
using TclHotline.Grpc.Telephony.V1;
using TclHotline.Telephony.Data;
using TclHotline.Telephony.Domain;
using static TclHotline.ServiceDefaults.Grpc.ProtoValues;

namespace TclHotline.Telephony.Application;

/// <summary>Builds what the desk shows: the customer, their units, their open orders and the time left on each commitment.</summary>
public static class ScreenPops
{
    /// <summary>At most <paramref name="openOrdersShown"/> open orders, the newest first.</summary>
    public static ScreenPop From(CallRow call, CustomerRow? customer, IReadOnlyList<OrderRow> orders, DateTimeOffset now, int openOrdersShown)
    {
        var pop = new ScreenPop
        {
            CallId = call.CallId,
            CallerNumber = call.CallerNumber ?? "",
            Queue = call.Queue ?? "",
            AnsweredAt = ToTimestamp(call.AnsweredAt),
        };
        var name = customer?.Name ?? orders.LastOrDefault(o => !string.IsNullOrEmpty(o.CustomerName))?.CustomerName;
        if (name is not null) pop.Customer = new Customer { Name = name, Phone = customer?.Phone ?? PhoneNumber.Normalize(call.CallerNumber) };

        // A unit is listed once, as its latest order describes it.
        pop.Units.AddRange(orders
            .Where(o => !string.IsNullOrEmpty(o.SerialNumber))
            .GroupBy(o => o.SerialNumber!, StringComparer.Ordinal)
            .Select(g => g.MaxBy(o => o.RegisteredAt)!)
            .Select(o => new Unit
            {
                SerialNumber = o.SerialNumber!, ProductModel = o.ProductModel ?? "", ExchangeEligible = o.ExchangeEligible,
                PanelExchangeOffers = { Offers(o.PanelExchangeOffers) },
            }));
        var open = orders.Where(o => OrderStatus.IsOpen(o.Status)).OrderByDescending(o => o.RegisteredAt).ToList();
        pop.MoreOpenOrders = open.Count > openOrdersShown;
        pop.OpenOrders.AddRange(open.Take(openOrdersShown).Select(o => new OpenOrder
        {
            OrderId = o.OrderId.ToString(),
            OrderNumber = o.OrderNumber ?? "",
            BranchCode = o.BranchCode,
            SerialNumber = o.SerialNumber ?? "",
            Status = OrderStatus.Word(o.Status),
            CommitmentDue = ToTimestamp(o.CommitmentDue),
            CommitmentTimeLeft = o.CommitmentDue is { } due ? Duration.FromTimeSpan(due - now) : null,
            ExchangeEligible = o.ExchangeEligible,
            Fee = o.FeeRevision > 0
                ? new FeeQuote
                {
                    Revision = (int)o.FeeRevision, Chargeable = o.FeeChargeable,
                    TotalYuan = (o.FeeTotal ?? 0m).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture),
                    TravelIncluded = o.FeeTravelIncluded, Provisional = o.FeeProvisional,
                }
                : null,
        }));
        pop.ExchangeEligible = pop.Units.Any(u => u.ExchangeEligible);
        return pop;
    }

    // Stored by the domain's names; shown as the contract's.
    private static IEnumerable<string> Offers(string? stored) => string.IsNullOrEmpty(stored) ? [] : stored.Split(',').Select(o => o switch
    {
        "DepreciationExchange" => "DEPRECIATION_EXCHANGE",
        "TopUpExchange" => "TOP_UP_EXCHANGE",
        _ => o,
    });
}
