using System.Globalization;
using TclHotline.Intake.Data;
using TclHotline.ServiceDefaults.Database;

namespace TclHotline.Intake.Application;

/// <summary>
/// Human-readable order numbers: the registering branch's local date and a counter, kept in the same
/// transaction as the order: "SO20261127-000123". On SQLite the counter restarts each day (one per date,
/// shared by every branch); on SQL Server it is a SEQUENCE that concurrent registrations draw from without
/// waiting on each other, so it keeps counting across days. Either way the number is unique.
/// </summary>
public static class OrderNumbers
{
    public static async Task<string> NextAsync(UnitOfWork unit, string prefix, DateOnly day)
    {
        var number = await unit.ExecuteScalarAsync<long>(IntakeSql.NextOrderNumber[unit.Dialect], new { Day = day });
        return string.Create(CultureInfo.InvariantCulture, $"{prefix}{day:yyyyMMdd}-{number:000000}");
    }
}
