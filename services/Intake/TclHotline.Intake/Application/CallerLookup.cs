using TclHotline.Intake.Data;
using TclHotline.Intake.Domain.Warranty;

namespace TclHotline.Intake.Application;

/// <summary>The screen pop: the customer (null when the number is unknown), their units, open orders and last calls.</summary>
public sealed record CallerLookup(
    CustomerRow? Customer,
    IReadOnlyList<UnitOnRecord> Units,
    bool MoreUnits,
    IReadOnlyList<ServiceOrderRow> OpenOrders,
    bool MoreOpenOrders,
    IReadOnlyList<CallRow> LastCalls)
{
    public static readonly CallerLookup Unknown = new(null, [], false, [], false, []);
}

/// <summary>A customer's unit with its repairs counted and its 三包 position today.</summary>
public sealed record UnitOnRecord(UnitRow Unit, int RepairCount, WarrantyDecision Warranty);
