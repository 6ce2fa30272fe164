using TclHotline.ServiceDefaults.Database;

namespace TclHotline.Sla.Data;

/// <summary>
/// Every statement the SLA timer sends, with the engine-specific ones side by side. Every SQL Server
/// statement here is parsed by the T-SQL parser in the tests.
/// </summary>
internal static class SlaSql
{

    /// <summary>Loads a row to change it; on SQL Server the lock (held to commit) also covers a key not yet inserted.</summary>
    public static readonly IReadOnlyDictionary<SqlDialect, string> SelectForChange = new Dictionary<SqlDialect, string>
    {
        [SqlDialect.Sqlite] = $"SELECT {Parts.Columns} FROM deadlines WHERE {Parts.ByKey}",
        [SqlDialect.SqlServer] = $"SELECT {Parts.Columns} FROM deadlines WITH (UPDLOCK, HOLDLOCK) WHERE {Parts.ByKey}",
    };

    public const string Select = $"SELECT {Parts.Columns} FROM deadlines WHERE {Parts.ByKey}";

    public const string Insert = $"""
        INSERT INTO deadlines ({Parts.Columns})
        VALUES (@Owner, @SubjectId, @Kind, @BranchCode, @StartsAt, @DueAt, @SetAt, @DueSetAt, @MoveCause, @State,
                @PausedAt, @PausedSpanMs, @LastResumedAt, @EarlyResumedAt, @WarnedFraction, @NextFireAt,
                @BreachedAt, @MetAt, @LatenessMs, @CancelledAt, @Version, NULL, NULL)
        """;

    /// <summary>Optimistic concurrency: no row updated means someone changed it since it was read.</summary>
    public const string Update = $"UPDATE deadlines SET {Parts.StateColumns} WHERE {Parts.ByKey} AND version = @ExpectedVersion";

    /// <summary>
    /// Stores what the scanner fired and releases its claims, for a whole batch in one statement: @Rows is a JSON
    /// array with one array per fired row, [owner, subject_id, kind, state, warned_fraction, next_fire_at,
    /// breached_at, lateness_ms, version, expected_version]. A row is stored only while its version and this
    /// scanner's claim are unchanged; the count of rows stored tells the caller whether any was lost meanwhile.
    /// One statement rather than one run per row: binding a dozen named parameters per row cost more than the
    /// update itself. Only the columns firing changes (a domain test holds DeadlineTimer.Fire to them).
    /// </summary>
    public static readonly IReadOnlyDictionary<SqlDialect, string> UpdateFired = new Dictionary<SqlDialect, string>
    {
        [SqlDialect.Sqlite] = """
            WITH fired AS (
                SELECT value ->> 0 AS owner, value ->> 1 AS subject_id, value ->> 2 AS kind, value ->> 3 AS state,
                       value ->> 4 AS warned_fraction, value ->> 5 AS next_fire_at, value ->> 6 AS breached_at,
                       value ->> 7 AS lateness_ms, value ->> 8 AS version, value ->> 9 AS expected_version
                FROM json_each(@Rows))
            UPDATE deadlines
            SET state = fired.state, warned_fraction = fired.warned_fraction, next_fire_at = fired.next_fire_at,
                breached_at = fired.breached_at, lateness_ms = fired.lateness_ms, version = fired.version,
                claimed_by = NULL, claimed_until = NULL
            FROM fired
            WHERE deadlines.owner = fired.owner AND deadlines.subject_id = fired.subject_id AND deadlines.kind = fired.kind
              AND deadlines.version = fired.expected_version AND deadlines.claimed_by = @Me
            """,
        [SqlDialect.SqlServer] = """
            UPDATE d
            SET state = f.state, warned_fraction = f.warned_fraction, next_fire_at = f.next_fire_at,
                breached_at = f.breached_at, lateness_ms = f.lateness_ms, version = f.version,
                claimed_by = NULL, claimed_until = NULL
            FROM deadlines AS d
            JOIN OPENJSON(@Rows) WITH (
                    owner NVARCHAR(50) '$[0]', subject_id NVARCHAR(100) '$[1]', kind NVARCHAR(50) '$[2]',
                    state NVARCHAR(20) '$[3]', warned_fraction FLOAT '$[4]', next_fire_at BIGINT '$[5]',
                    breached_at BIGINT '$[6]', lateness_ms BIGINT '$[7]', version BIGINT '$[8]',
                    expected_version BIGINT '$[9]') AS f
              ON d.owner = f.owner COLLATE Latin1_General_100_BIN2
             AND d.subject_id = f.subject_id COLLATE Latin1_General_100_BIN2
             AND d.kind = f.kind COLLATE Latin1_General_100_BIN2
            WHERE d.version = f.expected_version AND d.claimed_by = @Me
            """,
    };

    public const string ReleaseClaim = $"UPDATE deadlines SET claimed_by = NULL, claimed_until = NULL WHERE {Parts.ByKey} AND claimed_by = @Me";

    public const string ReleaseAllClaims = "UPDATE deadlines SET claimed_by = NULL, claimed_until = NULL WHERE claimed_by = @Me";

    /// <summary>
    /// Claims up to @BatchSize due rows, earliest first, that nobody holds or whose holder's lease ran out, and
    /// returns them as claimed (all columns), so the scanner fires them without reading each row again.
    /// SQL Server: READPAST skips rows another instance is claiming right now; the CTE keeps the ORDER BY
    /// that a bare UPDATE TOP cannot have.
    /// </summary>
    public static readonly IReadOnlyDictionary<SqlDialect, string> Claim = new Dictionary<SqlDialect, string>
    {
        [SqlDialect.Sqlite] = $"""
            UPDATE deadlines SET claimed_by = @Me, claimed_until = @LeaseUntil
            WHERE rowid IN (
                SELECT rowid FROM deadlines
                WHERE {Parts.DueAndFree}
                ORDER BY next_fire_at
                LIMIT @BatchSize)
            RETURNING {Parts.Columns}
            """,
        [SqlDialect.SqlServer] = $"""
            WITH due AS (
                SELECT TOP (@BatchSize) {Parts.Columns}
                FROM deadlines WITH (READPAST, UPDLOCK, ROWLOCK)
                WHERE {Parts.DueAndFree}
                ORDER BY next_fire_at)
            UPDATE due SET claimed_by = @Me, claimed_until = @LeaseUntil
            OUTPUT {Parts.InsertedColumns}
            """,
    };

    /// <summary>The next instant something is due among rows free to claim (held rows are their holder's).</summary>
    public const string NextFireAt = """
        SELECT MIN(next_fire_at) FROM deadlines
        WHERE next_fire_at IS NOT NULL AND (claimed_until IS NULL OR claimed_until < @Now)
        """;

    public const string CountPending = "SELECT COUNT(*) FROM deadlines WHERE next_fire_at IS NOT NULL";

    /// <summary>Open warned or breached deadlines after a page position, oldest first (see AtRiskQuery).</summary>
    public static readonly IReadOnlyDictionary<SqlDialect, string> ListAtRisk = new Dictionary<SqlDialect, string>
    {
        [SqlDialect.Sqlite] = $"""
            SELECT {Parts.Columns} FROM deadlines
            {Parts.AtRiskWhere}
            ORDER BY starts_at, owner, subject_id, kind
            LIMIT @Take
            """,
        [SqlDialect.SqlServer] = $"""
            SELECT TOP (@Take) {Parts.Columns} FROM deadlines
            {Parts.AtRiskWhere}
            ORDER BY starts_at, owner, subject_id, kind
            """,
    };

    /// <summary>Fragments shared by the statements above; not statements themselves.</summary>
    private static class Parts
    {
        public const string Columns = """
            owner, subject_id, kind, branch_code, starts_at, due_at, set_at, due_set_at, move_cause, state,
            paused_at, paused_span_ms, last_resumed_at, early_resumed_at, warned_fraction, next_fire_at,
            breached_at, met_at, lateness_ms, cancelled_at, version, claimed_by, claimed_until
            """;

        public static readonly string InsertedColumns = string.Join(", ", Columns.Split(',').Select(c => "inserted." + c.Trim()));

        public const string DueAndFree = "next_fire_at IS NOT NULL AND next_fire_at <= @Now AND (claimed_until IS NULL OR claimed_until < @Now)";

        public const string ByKey = "owner = @Owner AND subject_id = @SubjectId AND kind = @Kind";

        // Claim columns are absent: a consumer's change never takes or drops a scanner's claim.
        public const string StateColumns = """
            branch_code = @BranchCode, starts_at = @StartsAt, due_at = @DueAt, set_at = @SetAt, due_set_at = @DueSetAt,
            move_cause = @MoveCause, state = @State, paused_at = @PausedAt, paused_span_ms = @PausedSpanMs,
            last_resumed_at = @LastResumedAt, early_resumed_at = @EarlyResumedAt, warned_fraction = @WarnedFraction,
            next_fire_at = @NextFireAt, breached_at = @BreachedAt, met_at = @MetAt, lateness_ms = @LatenessMs,
            cancelled_at = @CancelledAt, version = @Version
            """;

        public const string AtRiskWhere = """
            WHERE (state = 'Breached' OR (state = 'Pending' AND warned_fraction > 0))
              AND (@BranchCode IS NULL OR branch_code = @BranchCode)
              AND (@AllKinds = 1 OR kind IN @Kinds)
              AND (@AfterStartsAt IS NULL OR starts_at > @AfterStartsAt OR (starts_at = @AfterStartsAt AND (owner > @AfterOwner
                   OR (owner = @AfterOwner AND (subject_id > @AfterSubjectId OR (subject_id = @AfterSubjectId AND kind > @AfterKind))))))
            """;
    }
}
