using TclHotline.ServiceDefaults.Database;
using TclHotline.Telephony.Data;
using TclHotline.Telephony.Domain;
using IntakeStatus = TclHotline.Grpc.Intake.V1.OrderStatus;

namespace TclHotline.Telephony.Consumers;

/// <summary>
/// Changes an order in the projection. Events about an order come from several services and any of them may
/// overtake the order's opening, so each first makes sure the row exists.
/// </summary>
internal static class OrderProjection
{
    /// <summary>Ensures the order's row, then runs <paramref name="sql"/> with <paramref name="change"/> in the same unit of work.</summary>
    public static async Task ApplyAsync(UnitOfWork unit, Guid orderId, string branchCode, string sql, object change)
    {
        await unit.ExecuteAsync(TelephonySql.EnsureOrder[unit.Dialect], new { OrderId = orderId, BranchCode = branchCode, unit.Now });
        await unit.ExecuteAsync(sql, change);
    }

    /// <summary>Sets the order's status in intake's words; a status that closes the order is never reopened by a late event.</summary>
    public static Task SetStatusAsync(UnitOfWork unit, Guid orderId, string branchCode, IntakeStatus status) =>
        ApplyAsync(unit, orderId, branchCode, TelephonySql.SetOrderStatus, new { OrderId = orderId, Status = status.ToString(), unit.Now, OrderStatus.Closed });
}
