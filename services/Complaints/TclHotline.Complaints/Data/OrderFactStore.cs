using TclHotline.Complaints.Domain.SystemRaised;
using TclHotline.Messages.Dispatch;
using TclHotline.Messages.Intake;
using TclHotline.ServiceDefaults.Database;

namespace TclHotline.Complaints.Data;

/// <summary>The local copy of order facts a system-raised complaint names, and the order's repeat calls (rule 21).</summary>
public static class OrderFactStore
{
    public static async Task RecordAsync(UnitOfWork unit, ServiceOrderOpened m)
    {
        var fact = new { m.OrderId, m.OrderNumber, m.BranchCode, m.CustomerName, m.CustomerPhone, m.SerialNumber, m.RegisteredAt };
        await unit.ExecuteAsync(ComplaintsSql.InsertOrderFact, fact);
        await unit.ExecuteAsync(ComplaintsSql.CompleteComplaintsOfOrder, fact);
    }

    public static async Task RecordAsync(UnitOfWork unit, EngineerAssigned m)
    {
        var param = new { m.OrderId, m.VisitId, m.EngineerId, m.AssignedAt };
        await unit.ExecuteAsync(ComplaintsSql.UpdateOrderEngineer, param);
        await unit.ExecuteAsync(ComplaintsSql.InsertOrderEngineer, param);
    }

    public static Task<OrderFact?> FindAsync(UnitOfWork unit, Guid orderId) =>
        unit.QuerySingleOrDefaultAsync<OrderFact>(ComplaintsSql.SelectOrderFact, new { OrderId = orderId });

    /// <summary>Whether the engineer was ever assigned to the order, arrived at it, or completed a visit of it or of the unit.</summary>
    public static async Task<bool> EngineerServedAsync(UnitOfWork unit, string engineerId, Guid? orderId, string? serialNumber) =>
        await unit.ExecuteScalarAsync<long>(ComplaintsSql.CountEngineerServed,
            new { EngineerId = engineerId, OrderId = orderId, SerialNumber = serialNumber }) > 0;

    public static Task RecordAsync(UnitOfWork unit, RepeatCall call) =>
        unit.ExecuteAsync(ComplaintsSql.InsertRepeatCall, new { call.RepeatCallId, call.OrderId, call.CalledAt });

    public static async Task<IReadOnlyList<RepeatCall>> RepeatCallsAsync(UnitOfWork unit, Guid orderId)
    {
        var rows = await unit.QueryAsync<RepeatCallRow>(ComplaintsSql.SelectRepeatCalls, new { OrderId = orderId });
        return [.. rows.Select(r => new RepeatCall(r.RepeatCallId, r.OrderId, r.CalledAt))];
    }

    private sealed class RepeatCallRow
    {
        public Guid RepeatCallId { get; init; }
        public Guid OrderId { get; init; }
        public DateTimeOffset CalledAt { get; init; }
    }
}
