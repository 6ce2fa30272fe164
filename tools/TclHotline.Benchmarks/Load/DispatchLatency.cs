using TclHotline.Benchmarks.Hosting;
using TclHotline.Benchmarks.Reporting;

namespace TclHotline.Benchmarks.Load;

/// <summary>
/// Registration → engineer assigned, from dispatch's own records (read-only): the first visit's
/// assigned_at minus the order's registered_at (intake's instant, carried in ServiceOrderOpened). Both
/// are server clocks on this box. Exact for every order, unlike WatchBoard, whose per-watcher buffer
/// drops the oldest updates under load.
/// </summary>
public sealed record DispatchLatency(long OrdersSeen, Distribution AssignedMs, Distribution EscalatedMs, long Undecided, Distribution DecidedMs)
{
    public static DispatchLatency Read(string dataDirectory, long sinceUnixMs)
    {
        using var connection = OutboxBacklog.ReadOnly(dataDirectory, "dispatch");
        var assigned = new List<double>();
        var escalated = new List<double>();
        long seen = 0, undecided = 0;
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT o.registered_at, o.escalated, o.updated_at, o.is_urban, o.order_type,
                   (SELECT MIN(v.assigned_at) FROM visits v WHERE v.order_id = o.order_id)
            FROM dispatch_orders o WHERE o.registered_at >= $since
            """;
        command.Parameters.AddWithValue("$since", sinceUnixMs);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            seen++;
            var registered = reader.GetInt64(0);
            if (!reader.IsDBNull(5))
                assigned.Add(reader.GetInt64(5) - registered);
            else if (reader.GetInt64(1) != 0)
                escalated.Add(reader.GetInt64(2) - registered);
            else if (reader.GetInt64(3) != 0)
                undecided++; // urban and neither assigned nor escalated yet; remote ones wait for an appointment by design
        }

        return new DispatchLatency(seen, new Distribution(assigned), new Distribution(escalated), undecided, new Distribution(assigned.Concat(escalated)));
    }
}
