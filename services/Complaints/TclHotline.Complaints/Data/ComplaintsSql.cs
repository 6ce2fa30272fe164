using TclHotline.ServiceDefaults.Database;

namespace TclHotline.Complaints.Data;

/// <summary>
/// Every statement the complaints service sends, side by side for both engines where they differ.
/// Inserts of facts from the bus skip a row already stored (its natural key), so a re-published event
/// is harmless; on SQL Server two concurrent copies meet the primary key and the consumer's retry finds the row.
/// </summary>
public static class ComplaintsSql
{
    public const string InsertComplaint = $"""
        INSERT INTO complaints ({Columns.Complaint}, raised_round)
        VALUES (@Id, @Number, @BranchCode, @Category, @Source, @CustomerName, @CustomerPhone, @OrderId, @OrderNumber,
                @SerialNumber, @EngineerId, @Description, @FiledBy, @FiledAt, @Status, @Level, @Owner, @DeadlinesSet,
                @AcknowledgedAt, @ResolutionText, @Compensation, @ResolvedBy, @ResolvedAt, @SatisfactionScore, @ClosedAt, @RaisedRound)
        """;

    /// <summary>
    /// Which round of its cause a system-raised complaint about an order is (0 the first; one more after each that
    /// was finished): the unique index on (order, source, round) keeps two raised at once from both being filed.
    /// </summary>
    public const string CountComplaintsOfOrderCause = "SELECT COUNT(*) FROM complaints WHERE order_id = @OrderId AND source = @Source";

    /// <summary>What a transition can change; who complains and about what never changes.</summary>
    public const string UpdateComplaint = """
        UPDATE complaints SET status = @Status, level = @Level, owner = @Owner, deadlines_set = @DeadlinesSet,
            acknowledged_at = @AcknowledgedAt, resolution_text = @ResolutionText, compensation = @Compensation,
            resolved_by = @ResolvedBy, resolved_at = @ResolvedAt, satisfaction_score = @SatisfactionScore, closed_at = @ClosedAt
        WHERE id = @Id
        """;

    public const string SelectComplaint = $"SELECT {Columns.Complaint} FROM complaints WHERE id = @Id";

    /// <summary>
    /// A complaint about to change. SQL Server locks its row until the unit commits, so two changes to one
    /// complaint (an acknowledgement and an escalation) queue instead of one overwriting the other; SQLite's
    /// single writer (BEGIN IMMEDIATE) already does that.
    /// </summary>
    public static readonly IReadOnlyDictionary<SqlDialect, string> SelectComplaintForChange = new Dictionary<SqlDialect, string>
    {
        [SqlDialect.Sqlite] = SelectComplaint,
        [SqlDialect.SqlServer] = $"SELECT {Columns.Complaint} FROM complaints WITH (UPDLOCK, ROWLOCK) WHERE id = @Id",
    };

    /// <summary>An order's complaints about to be joined by a breach or repeat call; locked as <see cref="SelectComplaintForChange"/>.</summary>
    public static readonly IReadOnlyDictionary<SqlDialect, string> SelectComplaintsOfOrderForChange = new Dictionary<SqlDialect, string>
    {
        [SqlDialect.Sqlite] = $"SELECT {Columns.Complaint} FROM complaints WHERE order_id = @OrderId",
        [SqlDialect.SqlServer] = $"SELECT {Columns.Complaint} FROM complaints WITH (UPDLOCK, ROWLOCK) WHERE order_id = @OrderId",
    };

    /// <summary>Newest first; the page token is the last row's (filed_at, id), so paging is stable while complaints arrive.</summary>
    public static readonly IReadOnlyDictionary<SqlDialect, string> ListComplaints = new Dictionary<SqlDialect, string>
    {
        [SqlDialect.Sqlite] = $"SELECT {Columns.Complaint} {Fragment.ComplaintPage} LIMIT @Take",
        [SqlDialect.SqlServer] = $"SELECT TOP (@Take) {Columns.Complaint} {Fragment.ComplaintPage}",
    };

    public const string SelectPendingDeadlines =
        "SELECT subject_id, kind, starts_at, due_at FROM complaint_pending_deadlines WHERE complaint_id = @Id";

    public const string DeletePendingDeadlines = "DELETE FROM complaint_pending_deadlines WHERE complaint_id = @Id";

    public const string InsertPendingDeadline = """
        INSERT INTO complaint_pending_deadlines (subject_id, complaint_id, kind, starts_at, due_at)
        VALUES (@SubjectId, @ComplaintId, @Kind, @StartsAt, @DueAt)
        """;

    public const string SelectEscalations = """
        SELECT from_level, to_level, owner, trigger_kind, reason, escalated_by, escalated_at
        FROM complaint_escalations WHERE complaint_id = @Id ORDER BY position
        """;

    public const string InsertEscalation = """
        INSERT INTO complaint_escalations (complaint_id, position, from_level, to_level, owner, trigger_kind, reason, escalated_by, escalated_at)
        VALUES (@ComplaintId, @Position, @FromLevel, @ToLevel, @Owner, @TriggerKind, @Reason, @EscalatedBy, @EscalatedAt)
        """;

    public const string SelectMissedDeadlines =
        "SELECT kind, level, due_at, missed_at FROM complaint_missed_deadlines WHERE complaint_id = @Id ORDER BY position";

    public const string InsertMissedDeadline = """
        INSERT INTO complaint_missed_deadlines (complaint_id, position, kind, level, due_at, missed_at)
        VALUES (@ComplaintId, @Position, @Kind, @Level, @DueAt, @MissedAt)
        """;

    public const string SelectOccurrences = """
        SELECT cause_id, source, note, occurred_at FROM complaint_occurrences WHERE complaint_id = @Id ORDER BY occurred_at, cause_id
        """;

    public const string InsertOccurrence = """
        INSERT INTO complaint_occurrences (complaint_id, cause_id, source, note, occurred_at)
        VALUES (@ComplaintId, @CauseId, @Source, @Note, @OccurredAt)
        """;

    public const string SelectReopenings =
        "SELECT reason, reopened_by, reopened_at FROM complaint_reopenings WHERE complaint_id = @Id ORDER BY position";

    public const string InsertReopening = """
        INSERT INTO complaint_reopenings (complaint_id, position, reason, reopened_by, reopened_at)
        VALUES (@ComplaintId, @Position, @Reason, @ReopenedBy, @ReopenedAt)
        """;

    public const string InsertOrderFact = """
        INSERT INTO order_facts (order_id, order_number, branch_code, customer_name, customer_phone, serial_number, registered_at)
        SELECT @OrderId, @OrderNumber, @BranchCode, @CustomerName, @CustomerPhone, @SerialNumber, @RegisteredAt
        WHERE NOT EXISTS (SELECT 1 FROM order_facts WHERE order_id = @OrderId)
        """;

    /// <summary>
    /// A complaint raised by the order's breach before the order's own facts arrived (events on different
    /// queues overtake each other) names the order and customer once they do; what it already names stays.
    /// </summary>
    public const string CompleteComplaintsOfOrder = """
        UPDATE complaints SET
            order_number = COALESCE(order_number, @OrderNumber),
            customer_name = CASE WHEN customer_name = '' THEN @CustomerName ELSE customer_name END,
            customer_phone = CASE WHEN customer_phone = '' THEN @CustomerPhone ELSE customer_phone END,
            serial_number = COALESCE(serial_number, NULLIF(@SerialNumber, ''))
        WHERE order_id = @OrderId AND (order_number IS NULL OR customer_name = '' OR customer_phone = '')
        """;

    public const string SelectOrderFact = """
        SELECT o.order_id, o.order_number, o.branch_code, o.customer_name, o.customer_phone, o.serial_number, e.engineer_id
        FROM order_facts o LEFT JOIN order_engineers e ON e.order_id = o.order_id
        WHERE o.order_id = @OrderId
        """;

    /// <summary>The later assignment wins, whatever order the events arrive in (with <see cref="InsertOrderEngineer"/>).</summary>
    public const string UpdateOrderEngineer = """
        UPDATE order_engineers SET visit_id = @VisitId, engineer_id = @EngineerId, assigned_at = @AssignedAt
        WHERE order_id = @OrderId AND assigned_at < @AssignedAt
        """;

    public const string InsertOrderEngineer = """
        INSERT INTO order_engineers (order_id, visit_id, engineer_id, assigned_at)
        SELECT @OrderId, @VisitId, @EngineerId, @AssignedAt
        WHERE NOT EXISTS (SELECT 1 FROM order_engineers WHERE order_id = @OrderId)
        """;

    /// <summary>
    /// Whether the engineer was ever assigned to or arrived at the order, or completed a visit of the order or
    /// of the unit: 0 when never. A null @OrderId or @SerialNumber matches nothing.
    /// </summary>
    public const string CountEngineerServed = """
        SELECT (SELECT COUNT(*) FROM order_engineers WHERE order_id = @OrderId AND engineer_id = @EngineerId)
             + (SELECT COUNT(*) FROM engineer_arrivals WHERE order_id = @OrderId AND engineer_id = @EngineerId)
             + (SELECT COUNT(*) FROM unit_visits WHERE engineer_id = @EngineerId AND (order_id = @OrderId OR serial_number = @SerialNumber))
        """;

    public const string InsertRepeatCall = """
        INSERT INTO repeat_calls (repeat_call_id, order_id, called_at)
        SELECT @RepeatCallId, @OrderId, @CalledAt
        WHERE NOT EXISTS (SELECT 1 FROM repeat_calls WHERE repeat_call_id = @RepeatCallId)
        """;

    public const string SelectRepeatCalls = "SELECT repeat_call_id, order_id, called_at FROM repeat_calls WHERE order_id = @OrderId";

    public const string InsertArrival = """
        INSERT INTO engineer_arrivals (visit_id, order_id, engineer_id, branch_code, arrived_at, commitment_due, on_time)
        SELECT @VisitId, @OrderId, @EngineerId, @BranchCode, @ArrivedAt, @CommitmentDue, @OnTime
        WHERE NOT EXISTS (SELECT 1 FROM engineer_arrivals WHERE visit_id = @VisitId)
        """;

    public const string InsertUnitVisit = """
        INSERT INTO unit_visits (visit_id, order_id, engineer_id, branch_code, serial_number, completed_at, repaired)
        SELECT @VisitId, @OrderId, @EngineerId, @BranchCode, @SerialNumber, @CompletedAt, @Repaired
        WHERE NOT EXISTS (SELECT 1 FROM unit_visits WHERE visit_id = @VisitId)
        """;

    public const string SelectArrivalsOfEngineer = """
        SELECT order_id, visit_id, branch_code, arrived_at, commitment_due, on_time FROM engineer_arrivals WHERE engineer_id = @EngineerId
        """;

    /// <summary>The engineer's visits and every visit by anyone to a unit the engineer repaired (repeat repairs).</summary>
    public const string SelectVisitsForEngineer = """
        SELECT order_id, visit_id, engineer_id, branch_code, serial_number, completed_at, repaired FROM unit_visits
        WHERE engineer_id = @EngineerId
           OR serial_number IN (SELECT serial_number FROM unit_visits WHERE engineer_id = @EngineerId AND repaired = 1)
        """;

    public const string SelectComplaintsAgainstEngineer = """
        SELECT id, order_id, branch_code, category, filed_at FROM complaints WHERE engineer_id = @EngineerId
        """;

    /// <summary>A column list, not a statement: kept out of the fields the T-SQL parse test reads.</summary>
    private static class Columns
    {
        public const string Complaint = """
            id, number, branch_code, category, source, customer_name, customer_phone, order_id, order_number,
            serial_number, engineer_id, description, filed_by, filed_at, status, level, owner, deadlines_set,
            acknowledged_at, resolution_text, compensation, resolved_by, resolved_at, satisfaction_score, closed_at
            """;
    }

    /// <summary>Statement parts, not statements: the engines differ only in where the row limit goes.</summary>
    private static class Fragment
    {
        public const string ComplaintPage = """
            FROM complaints
            WHERE (@BranchCode IS NULL OR branch_code = @BranchCode)
              AND (@Level IS NULL OR level = @Level)
              AND (@Status IS NULL OR status = @Status)
              AND (@Category IS NULL OR category = @Category)
              AND (@AfterFiledAt IS NULL OR filed_at < @AfterFiledAt OR (filed_at = @AfterFiledAt AND id < @AfterId))
            ORDER BY filed_at DESC, id DESC
            """;
    }
}
