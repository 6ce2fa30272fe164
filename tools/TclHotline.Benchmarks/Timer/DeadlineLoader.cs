using Microsoft.Data.Sqlite;

namespace TclHotline.Benchmarks.Timer;

/// <summary>
/// Writes pending deadlines straight into the SLA service's own table (its schema, created by the
/// service's migrations), as DeadlineSet would have left them: starts, due, set, next fire.
/// </summary>
public sealed class DeadlineLoader(string databaseFile)
{
    public const string Owner = "dispatch";
    public const string Kind = "visit-commitment";

    /// <summary>
    /// Far-future deadlines (due in 1–30 days, no warning sent yet, so the next firing is the first
    /// warning fraction 0.5 of the span), generated inside SQLite in transactions of a million rows.
    /// The spans are spread evenly over the 29 days in the order the rows are written (subject far-00000000
    /// is due soonest), so both the key and the pending index only ever take rows at their end: with random
    /// spans, 10,000,000 rows meant a random leaf of a growing index per row, most of it spent reading pages
    /// back from disk. The service sees the same table either way; only how long seeding takes differs.
    /// </summary>
    public void InsertFarFuture(int count, DateTimeOffset now)
    {
        const int perTransaction = 1_000_000;
        // For this connection only: the service opens the file with its own settings afterwards.
        using var connection = Open("PRAGMA synchronous = OFF; PRAGMA busy_timeout = 60000; PRAGMA cache_size = -262144; PRAGMA temp_store = MEMORY;");
        using var command = connection.CreateCommand();
        command.CommandText = """
            WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < $rows - 1),
                 r(i, span) AS (SELECT i, 86400000 + ($offset + i) * (29 * 86400000 / $count) FROM n)
            INSERT INTO deadlines (owner, subject_id, kind, branch_code, starts_at, due_at, set_at, due_set_at, state,
                                   paused_span_ms, warned_fraction, next_fire_at, version)
            SELECT $owner, printf('far-%08d', $offset + i), $kind, 'CS', $now, $now + span, $now, $now, 'Pending',
                   0, 0, $now + span / 2, 1
            FROM r
            """;
        var rows = command.Parameters.Add("$rows", SqliteType.Integer);
        var offset = command.Parameters.Add("$offset", SqliteType.Integer);
        command.Parameters.AddWithValue("$count", Math.Max(1, count));
        command.Parameters.AddWithValue("$owner", Owner);
        command.Parameters.AddWithValue("$kind", Kind);
        command.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
        for (var done = 0; done < count; done += perTransaction)
        {
            using var transaction = connection.BeginTransaction();
            command.Transaction = transaction;
            rows.Value = Math.Min(perTransaction, count - done);
            offset.Value = done;
            command.ExecuteNonQuery();
            transaction.Commit();
        }

        // Leave the file as a long-running service would find it: the log copied back and the file on disk. Seeding
        // without syncs leaves ~2 GB of dirty pages at 10,000,000 rows, which the service's first checkpoint (it syncs)
        // then had to write out: a stall of 0.9-1.9 s in the middle of the measurement.
        using (var checkpoint = connection.CreateCommand())
        {
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            checkpoint.ExecuteNonQuery();
        }

        connection.Close();
        using var file = new FileStream(databaseFile, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite);
        file.Flush(flushToDisk: true);
    }

    /// <summary>
    /// Deadlines due at the given instants whose warnings have all gone out, so their next and only
    /// firing is the breach at the due instant; the span started a day earlier.
    /// </summary>
    public void InsertDue(string prefix, IReadOnlyList<DateTimeOffset> dueAt) =>
        Insert(dueAt.Count, i => ($"{prefix}-{i:0000000}", dueAt[i].AddDays(-1), dueAt[i], 0.8, dueAt[i]));

    /// <summary>
    /// In transactions of at most 2,000 rows, as consumers storing DeadlineSet would write them: one transaction of
    /// 100,000 held the file's write lock for over 2 s, and the timer could not store a single firing meanwhile.
    /// </summary>
    private void Insert(int count, Func<int, (string Subject, DateTimeOffset Starts, DateTimeOffset Due, double Warned, DateTimeOffset NextFire)> row)
    {
        const int perTransaction = 2_000;
        using var connection = Open("PRAGMA busy_timeout = 60000;");
        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO deadlines (owner, subject_id, kind, branch_code, starts_at, due_at, set_at, due_set_at, state,
                                   paused_span_ms, warned_fraction, next_fire_at, version)
            VALUES ($owner, $subject, $kind, 'CS', $starts, $due, $starts, $starts, 'Pending', 0, $warned, $next, 1)
            """;
        var owner = command.Parameters.Add("$owner", SqliteType.Text);
        var subject = command.Parameters.Add("$subject", SqliteType.Text);
        var kind = command.Parameters.Add("$kind", SqliteType.Text);
        var starts = command.Parameters.Add("$starts", SqliteType.Integer);
        var due = command.Parameters.Add("$due", SqliteType.Integer);
        var warned = command.Parameters.Add("$warned", SqliteType.Real);
        var next = command.Parameters.Add("$next", SqliteType.Integer);
        owner.Value = Owner;
        kind.Value = Kind;
        for (var done = 0; done < count; done += perTransaction)
        {
            using var transaction = connection.BeginTransaction();
            command.Transaction = transaction;
            for (var i = done; i < Math.Min(count, done + perTransaction); i++)
            {
                var r = row(i);
                subject.Value = r.Subject;
                starts.Value = r.Starts.ToUnixTimeMilliseconds();
                due.Value = r.Due.ToUnixTimeMilliseconds();
                warned.Value = r.Warned;
                next.Value = r.NextFire.ToUnixTimeMilliseconds();
                command.ExecuteNonQuery();
            }

            transaction.Commit();
        }
    }

    private SqliteConnection Open(string pragmas)
    {
        var connection = new SqliteConnection($"Data Source={databaseFile};Pooling=False;Default Timeout=60");
        connection.Open();
        using var pragma = connection.CreateCommand();
        pragma.CommandText = pragmas;
        pragma.ExecuteNonQuery();
        return connection;
    }
}
