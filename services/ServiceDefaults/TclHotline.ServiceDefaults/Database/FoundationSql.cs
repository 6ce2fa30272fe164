namespace TclHotline.ServiceDefaults.Database;

/// <summary>
/// The outbox, inbox and idempotency statements, side by side for both engines where they differ.
/// Every statement here is parsed by the T-SQL parser in the foundation tests.
/// </summary>
public static class FoundationSql
{
    public const string InsertOutbox = """
        INSERT INTO outbox_messages (message_id, aggregate_id, message_type, body, trace_parent, trace_state, created_at, attempts)
        VALUES (@MessageId, @AggregateId, @MessageType, @Body, @TraceParent, @TraceState, @CreatedAt, 0)
        """;

    public static readonly IReadOnlyDictionary<SqlDialect, string> InsertInbox = new Dictionary<SqlDialect, string>
    {
        [SqlDialect.Sqlite] = """
            INSERT INTO inbox_messages (message_id, consumer, processed_at) VALUES (@MessageId, @Consumer, @ProcessedAt)
            ON CONFLICT (message_id, consumer) DO NOTHING
            """,
        [SqlDialect.SqlServer] = """
            INSERT INTO inbox_messages (message_id, consumer, processed_at)
            SELECT @MessageId, @Consumer, @ProcessedAt
            WHERE NOT EXISTS (SELECT 1 FROM inbox_messages WITH (UPDLOCK, HOLDLOCK) WHERE message_id = @MessageId AND consumer = @Consumer)
            """,
    };

    /// <summary>SQL Server: UPDLOCK, HOLDLOCK so two first uses of one key queue here rather than both inserting.</summary>
    public static readonly IReadOnlyDictionary<SqlDialect, string> SelectIdempotency = new Dictionary<SqlDialect, string>
    {
        [SqlDialect.Sqlite] =
            "SELECT response, request_hash FROM idempotency_records WHERE operation = @Operation AND idempotency_key = @IdempotencyKey",
        [SqlDialect.SqlServer] = """
            SELECT response, request_hash FROM idempotency_records WITH (UPDLOCK, HOLDLOCK)
            WHERE operation = @Operation AND idempotency_key = @IdempotencyKey
            """,
    };

    public const string InsertIdempotency = """
        INSERT INTO idempotency_records (operation, idempotency_key, request_hash, response, created_at)
        VALUES (@Operation, @IdempotencyKey, @RequestHash, @Response, @CreatedAt)
        """;

    public const string HoldRelayLease = """
        UPDATE outbox_relay_lease SET holder = @Holder, expires_at = @ExpiresAt
        WHERE id = 1 AND (holder = @Holder OR expires_at < @Now)
        """;

    /// <summary>Unsent rows after @After (the relay's cursor over rows it has handed to the in-memory bus; 0 otherwise).</summary>
    public static readonly IReadOnlyDictionary<SqlDialect, string> SelectPendingOutbox = new Dictionary<SqlDialect, string>
    {
        [SqlDialect.Sqlite] = """
            SELECT sequence, message_id, aggregate_id, message_type, body, trace_parent, trace_state, created_at
            FROM outbox_messages WHERE sent_at IS NULL AND sequence > @After ORDER BY sequence LIMIT @BatchSize
            """,
        [SqlDialect.SqlServer] = """
            SELECT TOP (@BatchSize) sequence, message_id, aggregate_id, message_type, body, trace_parent, trace_state, created_at
            FROM outbox_messages WHERE sent_at IS NULL AND sequence > @After ORDER BY sequence
            """,
    };

    /// <summary>
    /// @Sequences is a JSON array: one statement text whatever the count, so it stays prepared on the SQLite writer
    /// (an IN list of a parameter per row gave a new text, and a new statement to compile, for every count).
    /// </summary>
    public static readonly IReadOnlyDictionary<SqlDialect, string> MarkOutboxSent = new Dictionary<SqlDialect, string>
    {
        [SqlDialect.Sqlite] = "UPDATE outbox_messages SET sent_at = @SentAt WHERE sequence IN (SELECT value FROM json_each(@Sequences))",
        [SqlDialect.SqlServer] = "UPDATE outbox_messages SET sent_at = @SentAt WHERE sequence IN (SELECT CAST([value] AS BIGINT) FROM OPENJSON(@Sequences))",
    };

    public const string CountOutboxFailure = "UPDATE outbox_messages SET attempts = attempts + 1, last_error = @Error WHERE sequence = @Sequence";

    /// <summary>Moves a row that has failed @MaxAttempts times out of the outbox (with <see cref="DeleteDeadLettered"/>, in one transaction).</summary>
    public const string InsertDeadLetter = """
        INSERT INTO outbox_dead_letters (message_id, aggregate_id, message_type, body, trace_parent, trace_state, created_at, attempts, last_error, dead_lettered_at)
        SELECT message_id, aggregate_id, message_type, body, trace_parent, trace_state, created_at, attempts, last_error, @Now
        FROM outbox_messages WHERE sequence = @Sequence AND sent_at IS NULL AND attempts >= @MaxAttempts
        """;

    public const string DeleteDeadLettered =
        "DELETE FROM outbox_messages WHERE sequence = @Sequence AND sent_at IS NULL AND attempts >= @MaxAttempts";

    /// <summary>Newest first; @Before is the page cursor (a dead-letter sequence).</summary>
    public static readonly IReadOnlyDictionary<SqlDialect, string> SelectDeadLetters = new Dictionary<SqlDialect, string>
    {
        [SqlDialect.Sqlite] = """
            SELECT sequence, message_id, aggregate_id, message_type, body, created_at, attempts, last_error, dead_lettered_at
            FROM outbox_dead_letters WHERE sequence < @Before ORDER BY sequence DESC LIMIT @PageSize
            """,
        [SqlDialect.SqlServer] = """
            SELECT TOP (@PageSize) sequence, message_id, aggregate_id, message_type, body, created_at, attempts, last_error, dead_lettered_at
            FROM outbox_dead_letters WHERE sequence < @Before ORDER BY sequence DESC
            """,
    };

    public const string SelectDeadLetter = """
        SELECT sequence, message_id, aggregate_id, message_type, body, created_at, attempts, last_error, dead_lettered_at
        FROM outbox_dead_letters WHERE message_id = @MessageId
        """;

    /// <summary>
    /// Puts a dead letter back at the end of the outbox with its message id (so consumers that had handled it
    /// skip it) and its attempts at zero; <see cref="DeleteDeadLetter"/> removes it in the same transaction.
    /// </summary>
    public const string ReplayDeadLetter = """
        INSERT INTO outbox_messages (message_id, aggregate_id, message_type, body, trace_parent, trace_state, created_at, attempts)
        SELECT message_id, aggregate_id, message_type, body, trace_parent, trace_state, created_at, 0
        FROM outbox_dead_letters WHERE message_id = @MessageId
        """;

    public const string DeleteDeadLetter = "DELETE FROM outbox_dead_letters WHERE message_id = @MessageId";

    public const string CountPendingOutbox = "SELECT COUNT(*) FROM outbox_messages WHERE sent_at IS NULL";

    public const string DeleteSentOutbox = "DELETE FROM outbox_messages WHERE sent_at IS NOT NULL AND sent_at < @Cutoff";

    public const string DeleteOldInbox = "DELETE FROM inbox_messages WHERE processed_at < @Cutoff";

    public const string InsertAudit = """
        INSERT INTO audit_log (occurred_at, actor, actor_roles, actor_branch, action, subject_type, subject_id, before_json, after_json)
        VALUES (@OccurredAt, @Actor, @ActorRoles, @ActorBranch, @Action, @SubjectType, @SubjectId, @BeforeJson, @AfterJson)
        """;

    /// <summary>Newest first; @Before is the page cursor (a sequence), filters are optional.</summary>
    public static readonly IReadOnlyDictionary<SqlDialect, string> SelectAudit = new Dictionary<SqlDialect, string>
    {
        [SqlDialect.Sqlite] = """
            SELECT sequence, occurred_at, actor, actor_roles, actor_branch, action, subject_type, subject_id, before_json, after_json
            FROM audit_log
            WHERE sequence < @Before AND occurred_at >= @Since
              AND (@Action IS NULL OR action = @Action) AND (@SubjectId IS NULL OR subject_id = @SubjectId) AND (@Actor IS NULL OR actor = @Actor)
            ORDER BY sequence DESC LIMIT @PageSize
            """,
        [SqlDialect.SqlServer] = """
            SELECT TOP (@PageSize) sequence, occurred_at, actor, actor_roles, actor_branch, action, subject_type, subject_id, before_json, after_json
            FROM audit_log
            WHERE sequence < @Before AND occurred_at >= @Since
              AND (@Action IS NULL OR action = @Action) AND (@SubjectId IS NULL OR subject_id = @SubjectId) AND (@Actor IS NULL OR actor = @Actor)
            ORDER BY sequence DESC
            """,
    };

    public const string DeleteOldIdempotency = "DELETE FROM idempotency_records WHERE created_at < @Cutoff";
}
