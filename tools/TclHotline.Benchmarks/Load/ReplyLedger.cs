using System.Collections.Concurrent;
using TclHotline.Benchmarks.Hosting;
using TclHotline.Grpc.Intake.V1;

namespace TclHotline.Benchmarks.Load;

/// <summary>
/// The orders the registrations' replies named, checked after the drain against what intake stored and what
/// dispatch took in: an order replied but not stored, or stored by intake with a visit but never taken in by
/// dispatch, is lost; an order named by two replies, or given two live visits by dispatch, is doubled.
/// </summary>
public sealed class ReplyLedger
{
    private readonly ConcurrentBag<string> _orderIds = [];

    public void Add(RegisterCallReply reply)
    {
        if (reply.Order is { OrderId.Length: > 0 } order)
            _orderIds.Add(order.OrderId);
    }

    /// <param name="drained">False: orders dispatch has not taken in yet are still on their way, not lost.</param>
    public string Check(string data, long sinceUnixMs, bool drained)
    {
        var replied = _orderIds.ToArray();
        var distinctReplied = replied.ToHashSet(StringComparer.Ordinal);
        var stored = Ids(data, "intake", $"SELECT order_id FROM service_orders WHERE registered_at >= {sinceUnixMs}");
        var withVisit = Ids(data, "intake", $"SELECT order_id FROM service_orders WHERE registered_at >= {sinceUnixMs} AND status <> 'Answered'");
        var takenIn = Ids(data, "dispatch", $"SELECT order_id FROM dispatch_orders WHERE registered_at >= {sinceUnixMs}");
        var doubleVisits = OutboxBacklog.Scalar(data, "dispatch", $"""
            SELECT COUNT(*) FROM (SELECT v.order_id FROM visits v JOIN dispatch_orders o ON o.order_id = v.order_id
                                  WHERE o.registered_at >= {sinceUnixMs} AND v.status NOT IN ('Reassigned', 'Cancelled') GROUP BY v.order_id HAVING COUNT(*) > 1)
            """);
        var lostIntake = distinctReplied.Count(id => !stored.Contains(id));
        var lostDispatch = withVisit.Count(id => !takenIn.Contains(id));
        var doubledReplies = replied.Length - distinctReplied.Count;
        var unreplied = stored.Count(id => !distinctReplied.Contains(id));
        var dispatchGap = drained ? $"opened but not taken in by dispatch {lostDispatch}" : $"not drained: {lostDispatch} not taken in by dispatch yet, not counted";
        return $"lost {lostIntake + (drained ? lostDispatch : 0)} (replied but not stored {lostIntake}, {dispatchGap}); "
            + $"doubled {doubledReplies + doubleVisits} (order in two replies {doubledReplies}, orders with two live visits {doubleVisits}); "
            + $"stored without a successful reply {unreplied}";
    }

    private static HashSet<string> Ids(string data, string service, string sql)
    {
        using var connection = OutboxBacklog.ReadOnly(data, service);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read())
            ids.Add(reader.GetString(0));
        return ids;
    }
}
