using TclHotline.ServiceDefaults.Database;

namespace TclHotline.Telephony.Data;

/// <summary>
/// Every statement telephony sends, side by side for both engines where they differ. The SQL Server ones
/// are parsed by the T-SQL parser in the tests.
/// </summary>
public static class TelephonySql
{
    // ---- call events and call records ----

    /// <summary>Affects one row for a new event, none for a repeat: the idempotency of (call, type, sequence).</summary>
    public static readonly IReadOnlyDictionary<SqlDialect, string> InsertCallEvent = new Dictionary<SqlDialect, string>
    {
        [SqlDialect.Sqlite] = """
            INSERT INTO call_events (call_id, event_type, sequence, event_time, received_at)
            VALUES (@CallId, @EventType, @Sequence, @EventTime, @ReceivedAt)
            ON CONFLICT (call_id, event_type, sequence) DO NOTHING
            """,
        [SqlDialect.SqlServer] = """
            INSERT INTO call_events (call_id, event_type, sequence, event_time, received_at)
            SELECT @CallId, @EventType, @Sequence, @EventTime, @ReceivedAt
            WHERE NOT EXISTS (SELECT 1 FROM call_events WITH (UPDLOCK, HOLDLOCK)
                              WHERE call_id = @CallId AND event_type = @EventType AND sequence = @Sequence)
            """,
    };

    /// <summary>Any event (or a link from intake) may be the first heard of a call: it creates the row.</summary>
    public static readonly IReadOnlyDictionary<SqlDialect, string> EnsureCall = new Dictionary<SqlDialect, string>
    {
        [SqlDialect.Sqlite] = """
            INSERT INTO calls (call_id, state, updated_at) VALUES (@CallId, 'Offered', @Now)
            ON CONFLICT (call_id) DO NOTHING
            """,
        [SqlDialect.SqlServer] = """
            INSERT INTO calls (call_id, state, updated_at)
            SELECT @CallId, N'Offered', @Now
            WHERE NOT EXISTS (SELECT 1 FROM calls WITH (UPDLOCK, HOLDLOCK) WHERE call_id = @CallId)
            """,
    };

    public const string ApplyOffered = """
        UPDATE calls SET caller_number = @CallerNumber, dialled_number = @DialledNumber, queue = @Queue, offered_at = @At
        WHERE call_id = @CallId
        """;

    public const string ApplyAnswered =
        "UPDATE calls SET agent_id = @AgentId, extension = @Extension, answered_at = @At WHERE call_id = @CallId";

    /// <summary>Only a later transfer replaces the one recorded: transfers may arrive out of order.</summary>
    public const string ApplyTransferred = """
        UPDATE calls SET transferred_to_agent_id = @ToAgentId, transferred_to_queue = @ToQueue, transferred_at = @At
        WHERE call_id = @CallId AND (transferred_at IS NULL OR transferred_at <= @At)
        """;

    public const string ApplyEnded =
        "UPDATE calls SET ended_at = @At, duration_ms = @DurationMs, hung_up_by = @HungUpBy WHERE call_id = @CallId";

    public const string ApplyAbandoned =
        "UPDATE calls SET abandoned_at = @At, wait_ms = @WaitMs WHERE call_id = @CallId";

    public const string ApplyRecording =
        "UPDATE calls SET recording_uri = @RecordingUri WHERE call_id = @CallId";

    public const string SetCallState =
        "UPDATE calls SET state = @State, updated_at = @Now WHERE call_id = @CallId";

    // A whole statement, so that it parses on its own like every other constant here.
    private const string SelectCallsFrom = """
        SELECT c.call_id, c.state, c.caller_number, c.dialled_number, c.queue, c.agent_id, c.extension, c.offered_at,
        c.answered_at, c.ended_at, c.abandoned_at, c.duration_ms, c.hung_up_by, c.wait_ms, c.recording_uri,
        c.transferred_to_agent_id, c.transferred_to_queue, c.transferred_at, c.order_id, c.complaint_call_id,
        (SELECT COUNT(*) FROM call_events e WHERE e.call_id = c.call_id AND e.event_type = 'Transferred') AS transfer_count
        FROM calls c
        """;

    public const string SelectCall = SelectCallsFrom + " WHERE c.call_id = @CallId";

    /// <summary>
    /// A page of an order's calls: @Take, oldest offer first, after (@AfterOffered, @AfterCallId) when given. A call
    /// whose offer is not known yet sorts first, as NULL does in both dialects, so its key counts it as offered at -1.
    /// </summary>
    public static readonly IReadOnlyDictionary<SqlDialect, string> SelectCallsForOrder = new Dictionary<SqlDialect, string>
    {
        [SqlDialect.Sqlite] = SelectCallsFrom + """
             WHERE c.order_id = @OrderId
              AND (@AfterCallId IS NULL OR COALESCE(c.offered_at, -1) > @AfterOffered
                   OR (COALESCE(c.offered_at, -1) = @AfterOffered AND c.call_id > @AfterCallId))
            ORDER BY c.offered_at, c.call_id LIMIT @Take
            """,
        [SqlDialect.SqlServer] = "SELECT TOP (@Take)" + SelectCallsFrom["SELECT".Length..] + """
             WHERE c.order_id = @OrderId
              AND (@AfterCallId IS NULL OR COALESCE(c.offered_at, -1) > @AfterOffered
                   OR (COALESCE(c.offered_at, -1) = @AfterOffered AND c.call_id > @AfterCallId))
            ORDER BY c.offered_at, c.call_id
            """,
    };

    public const string LinkCallToOrder = "UPDATE calls SET order_id = @OrderId, updated_at = @Now WHERE call_id = @CallId";

    /// <summary>A complaint about an order also lists the call under that order, unless the call opened another.</summary>
    public const string LinkCallToComplaint = """
        UPDATE calls SET complaint_call_id = @ComplaintCallId, order_id = COALESCE(order_id, @OrderId), updated_at = @Now
        WHERE call_id = @CallId
        """;

    // ---- callback tasks ----

    /// <summary>One callback per call, whichever of its events decided it.</summary>
    public static readonly IReadOnlyDictionary<SqlDialect, string> InsertCallback = new Dictionary<SqlDialect, string>
    {
        [SqlDialect.Sqlite] = """
            INSERT INTO callback_tasks (callback_id, call_id, caller_number, queue, branch_code, order_id, reason, state,
                                        abandoned_at, due_at, created_at)
            VALUES (@CallbackId, @CallId, @CallerNumber, @Queue, @BranchCode, @OrderId, @Reason, 'Open', @AbandonedAt, @DueAt, @Now)
            ON CONFLICT (call_id) DO NOTHING
            """,
        [SqlDialect.SqlServer] = """
            INSERT INTO callback_tasks (callback_id, call_id, caller_number, queue, branch_code, order_id, reason, state,
                                        abandoned_at, due_at, created_at)
            SELECT @CallbackId, @CallId, @CallerNumber, @Queue, @BranchCode, @OrderId, @Reason, N'Open', @AbandonedAt, @DueAt, @Now
            WHERE NOT EXISTS (SELECT 1 FROM callback_tasks WITH (UPDLOCK, HOLDLOCK) WHERE call_id = @CallId)
            """,
    };

    private const string SelectCallbacksFrom = """
        SELECT callback_id, call_id, caller_number, queue, branch_code, order_id, reason, state, abandoned_at, due_at,
        claimed_by, claimed_at, completed_at, outcome
        FROM callback_tasks
        """;

    public const string SelectCallback = SelectCallbacksFrom + " WHERE callback_id = @CallbackId";

    /// <summary>
    /// Null branch: every branch. Callbacks of callers with no order ("*") show in every branch's list. A page of
    /// @Take, soonest due first, after (@AfterDue, @AfterId) when given.
    /// </summary>
    public static readonly IReadOnlyDictionary<SqlDialect, string> SelectCallbacks = new Dictionary<SqlDialect, string>
    {
        [SqlDialect.Sqlite] = SelectCallbacksFrom + """
             WHERE state IN @States AND (@BranchCode IS NULL OR branch_code = @BranchCode OR branch_code = '*')
              AND (@AfterDue IS NULL OR due_at > @AfterDue OR (due_at = @AfterDue AND callback_id > @AfterId))
            ORDER BY due_at, callback_id LIMIT @Take
            """,
        [SqlDialect.SqlServer] = """
            SELECT TOP (@Take) callback_id, call_id, caller_number, queue, branch_code, order_id, reason, state, abandoned_at, due_at,
            claimed_by, claimed_at, completed_at, outcome
            FROM callback_tasks
            WHERE state IN @States AND (@BranchCode IS NULL OR branch_code = @BranchCode OR branch_code = N'*')
              AND (@AfterDue IS NULL OR due_at > @AfterDue OR (due_at = @AfterDue AND callback_id > @AfterId))
            ORDER BY due_at, callback_id
            """,
    };

    /// <summary>The branch of the callback an abandoned call raised, if it raised one.</summary>
    public const string SelectCallbackBranchOfCall = "SELECT branch_code FROM callback_tasks WHERE call_id = @CallId";

    /// <summary>Open, or already claimed by the same agent (a repeated claim is harmless).</summary>
    public const string ClaimCallback = """
        UPDATE callback_tasks SET state = 'Claimed', claimed_by = @AgentId, claimed_at = COALESCE(claimed_at, @Now)
        WHERE callback_id = @CallbackId AND (state = 'Open' OR (state = 'Claimed' AND claimed_by = @AgentId))
        """;

    public const string CompleteCallback = """
        UPDATE callback_tasks SET state = 'Completed', completed_at = @Now, outcome = @Outcome
        WHERE callback_id = @CallbackId AND state = 'Claimed' AND claimed_by = @AgentId
        """;

    // ---- the caller projection ----

    public static readonly IReadOnlyDictionary<SqlDialect, string> UpsertCustomer = new Dictionary<SqlDialect, string>
    {
        [SqlDialect.Sqlite] = """
            INSERT INTO customers (phone, name, updated_at) VALUES (@Phone, @Name, @Now)
            ON CONFLICT (phone) DO UPDATE SET name = excluded.name, updated_at = excluded.updated_at
            """,
        [SqlDialect.SqlServer] = """
            MERGE customers WITH (HOLDLOCK) AS t
            USING (SELECT @Phone AS phone, @Name AS name, @Now AS updated_at) AS s ON t.phone = s.phone
            WHEN MATCHED THEN UPDATE SET name = s.name, updated_at = s.updated_at
            WHEN NOT MATCHED THEN INSERT (phone, name, updated_at) VALUES (s.phone, s.name, s.updated_at);
            """,
    };

    /// <summary>Dispatch's events may overtake the order's opening: any of them creates the row.</summary>
    public static readonly IReadOnlyDictionary<SqlDialect, string> EnsureOrder = new Dictionary<SqlDialect, string>
    {
        [SqlDialect.Sqlite] = """
            INSERT INTO orders (order_id, branch_code, status, updated_at) VALUES (@OrderId, @BranchCode, 'Open', @Now)
            ON CONFLICT (order_id) DO NOTHING
            """,
        [SqlDialect.SqlServer] = """
            INSERT INTO orders (order_id, branch_code, status, updated_at)
            SELECT @OrderId, @BranchCode, N'Open', @Now
            WHERE NOT EXISTS (SELECT 1 FROM orders WITH (UPDLOCK, HOLDLOCK) WHERE order_id = @OrderId)
            """,
    };

    public const string ApplyOrderOpened = """
        UPDATE orders SET order_number = @OrderNumber, branch_code = @BranchCode, customer_phone = @CustomerPhone,
               customer_name = @CustomerName, serial_number = @SerialNumber, product_model = @ProductModel,
               exchange_eligible = @ExchangeEligible, registered_at = @RegisteredAt, updated_at = @Now
        WHERE order_id = @OrderId
        """;

    /// <summary>A (re)assignment moves an open order to assigned, never back from on-site or closed.</summary>
    public const string ApplyCommitment = """
        UPDATE orders SET commitment_due = @CommitmentDue, updated_at = @Now,
               status = CASE WHEN status = 'Open' THEN 'Assigned' ELSE status END
        WHERE order_id = @OrderId
        """;

    /// <summary>A closed order (@Closed: completed, cancelled, answered) stays so, whatever arrives late.</summary>
    public const string SetOrderStatus = """
        UPDATE orders SET status = @Status, updated_at = @Now
        WHERE order_id = @OrderId AND status NOT IN @Closed
        """;

    /// <summary>Estimates may arrive out of order: only a later revision replaces the one shown.</summary>
    public const string ApplyFeeEstimate = """
        UPDATE orders SET fee_revision = @Revision, fee_chargeable = @Chargeable, fee_total = @Total,
               fee_travel_included = @TravelIncluded, fee_provisional = @Provisional, updated_at = @Now
        WHERE order_id = @OrderId AND fee_revision < @Revision
        """;

    public const string ApplyPanelExchangeOffers = "UPDATE orders SET panel_exchange_offers = @Offers, updated_at = @Now WHERE order_id = @OrderId";

    public const string ApplyExchangeEligible = "UPDATE orders SET exchange_eligible = 1, updated_at = @Now WHERE order_id = @OrderId";

    public const string SelectCustomer = "SELECT phone, name FROM customers WHERE phone = @Phone";

    /// <summary>The caller's newest @Take orders, newest first.</summary>
    public static readonly IReadOnlyDictionary<SqlDialect, string> SelectLatestOrdersOfCustomer = new Dictionary<SqlDialect, string>
    {
        [SqlDialect.Sqlite] = "SELECT " + Fragment.OrderColumns + " FROM orders WHERE customer_phone = @Phone ORDER BY registered_at DESC, order_id DESC LIMIT @Take",
        [SqlDialect.SqlServer] = "SELECT TOP (@Take) " + Fragment.OrderColumns + " FROM orders WHERE customer_phone = @Phone ORDER BY registered_at DESC, order_id DESC",
    };

    /// <summary>The caller's newest @Take open orders, newest first.</summary>
    public static readonly IReadOnlyDictionary<SqlDialect, string> SelectOpenOrdersOfCustomer = new Dictionary<SqlDialect, string>
    {
        [SqlDialect.Sqlite] = "SELECT " + Fragment.OrderColumns + """
             FROM orders WHERE customer_phone = @Phone AND status NOT IN @Closed
            ORDER BY registered_at DESC, order_id DESC LIMIT @Take
            """,
        [SqlDialect.SqlServer] = "SELECT TOP (@Take) " + Fragment.OrderColumns + """
             FROM orders WHERE customer_phone = @Phone AND status NOT IN @Closed
            ORDER BY registered_at DESC, order_id DESC
            """,
    };

    public const string SelectOrderBranch = "SELECT branch_code FROM orders WHERE order_id = @OrderId";

    /// <summary>Pieces of the statements above; not statements themselves, so kept out of the parse test's sight.</summary>
    private static class Fragment
    {
        public const string OrderColumns = """
            order_id, order_number, branch_code, customer_phone, customer_name, serial_number, product_model,
            exchange_eligible, status, registered_at, commitment_due, fee_revision, fee_chargeable, fee_total,
            fee_travel_included, fee_provisional, panel_exchange_offers
            """;
    }
}
