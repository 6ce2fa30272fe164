using System.Globalization;
using TclHotline.Intake.Storage;
using TclHotline.ServiceDefaults.Database;

namespace TclHotline.Intake.Orders;

/// <summary>
/// Human-readable order numbers: the registering branch's local date and a counter per date, shared by
/// every branch and kept in the same transaction as the order: "SO20261127-000123".
/// </summary>
public static class OrderNumbers
{
    public static async Task<string> NextAsync(UnitOfWork unit, string prefix, DateOnly day)
    {
        var p = new { Day = day };
        int number;
        if (await unit.ExecuteAsync(IntakeSql.NextOrderNumber, p) == 1)
            number = await unit.ExecuteScalarAsync<int>(IntakeSql.SelectOrderNumber, p);
        else
        {
            await unit.ExecuteAsync(IntakeSql.StartOrderNumbers, p);
            number = 1;
        }
        return string.Create(CultureInfo.InvariantCulture, $"{prefix}{day:yyyyMMdd}-{number:000000}");
    }
}
