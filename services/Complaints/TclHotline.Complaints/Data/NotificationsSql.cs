using TclHotline.ServiceDefaults.Database;

namespace TclHotline.Complaints.Data;

/// <summary>Every statement of the owners' inboxes, their deliveries and the report schedule, side by side for both engines where they differ.</summary>
public static class NotificationsSql
{
    /// <summary>A cause already noticed at this level (a redelivered event, a second instance) inserts nothing.</summary>
    public const string InsertNotification = """
        INSERT INTO notifications (id, kind, branch_code, level, recipient_role, owner, title, body, subject_id, cause_id,
                                   created_at, acknowledge_due)
        SELECT @Id, @Kind, @BranchCode, @Level, @RecipientRole, @Owner, @Title, @Body, @SubjectId, @CauseId, @CreatedAt, @AcknowledgeDue
        WHERE NOT EXISTS (SELECT 1 FROM notifications WHERE cause_id = @CauseId AND level = @Level)
        """;

    public const string SelectNotification = $"SELECT {Columns.Notification} FROM notifications WHERE id = @Id";

    /// <summary>A notice about to be acknowledged or handed up: SQL Server locks its row so the two queue.</summary>
    public static readonly IReadOnlyDictionary<SqlDialect, string> SelectNotificationForChange = new Dictionary<SqlDialect, string>
    {
        [SqlDialect.Sqlite] = SelectNotification,
        [SqlDialect.SqlServer] = $"SELECT {Columns.Notification} FROM notifications WITH (UPDLOCK, ROWLOCK) WHERE id = @Id",
    };

    /// <summary>The notices of a kind about one order or complaint still waiting for their owner, locked as <see cref="SelectNotificationForChange"/>.</summary>
    public static readonly IReadOnlyDictionary<SqlDialect, string> SelectOpenNotificationsOfSubject = new Dictionary<SqlDialect, string>
    {
        [SqlDialect.Sqlite] = $"""
            SELECT {Columns.Notification} FROM notifications
            WHERE subject_id = @SubjectId AND kind = @Kind AND acknowledged_at IS NULL AND climbed_to IS NULL
            """,
        [SqlDialect.SqlServer] = $"""
            SELECT {Columns.Notification} FROM notifications WITH (UPDLOCK, ROWLOCK)
            WHERE subject_id = @SubjectId AND kind = @Kind AND acknowledged_at IS NULL AND climbed_to IS NULL
            """,
    };

    public const string AcknowledgeNotification = """
        UPDATE notifications SET acknowledged_at = @AcknowledgedAt, acknowledged_by = @AcknowledgedBy
        WHERE id = @Id AND acknowledged_at IS NULL AND climbed_to IS NULL
        """;

    public const string MarkClimbed = """
        UPDATE notifications SET climbed_to = @ClimbedTo, climbed_at = @ClimbedAt
        WHERE id = @Id AND acknowledged_at IS NULL AND climbed_to IS NULL
        """;

    /// <summary>An inbox, newest first; the page token is the last row's sequence.</summary>
    public static readonly IReadOnlyDictionary<SqlDialect, string> ListNotifications = new Dictionary<SqlDialect, string>
    {
        [SqlDialect.Sqlite] = $"SELECT {Columns.Notification} {Fragment.InboxPage} LIMIT @Take",
        [SqlDialect.SqlServer] = $"SELECT TOP (@Take) {Columns.Notification} {Fragment.InboxPage}",
    };

    /// <summary>An inbox's notices written after <c>@After</c>, oldest first: what a watcher has not seen yet.</summary>
    public static readonly IReadOnlyDictionary<SqlDialect, string> NotificationsAfter = new Dictionary<SqlDialect, string>
    {
        [SqlDialect.Sqlite] = $"SELECT {Columns.Notification} {Fragment.InboxSince} LIMIT @Take",
        [SqlDialect.SqlServer] = $"SELECT TOP (@Take) {Columns.Notification} {Fragment.InboxSince}",
    };

    public const string LastSequence = "SELECT COALESCE(MAX(sequence), 0) FROM notifications";

    public const string InsertDelivery = """
        INSERT INTO notification_deliveries (notification_id, channel, target, requested_at, attempts)
        SELECT @NotificationId, @Channel, @Target, @RequestedAt, 0
        WHERE NOT EXISTS (SELECT 1 FROM notification_deliveries WHERE notification_id = @NotificationId AND channel = @Channel AND target = @Target)
        """;

    /// <summary>Takes a delivery to send it: not sent, and nobody else sending it now.</summary>
    public const string ClaimDelivery = """
        UPDATE notification_deliveries SET claimed_until = @Until
        WHERE notification_id = @NotificationId AND channel = @Channel AND target = @Target
          AND sent_at IS NULL AND (claimed_until IS NULL OR claimed_until < @Now)
        """;

    public const string MarkDeliverySent = """
        UPDATE notification_deliveries SET sent_at = @SentAt, attempts = attempts + 1, last_error = NULL, claimed_until = NULL
        WHERE notification_id = @NotificationId AND channel = @Channel AND target = @Target AND sent_at IS NULL
        """;

    public const string RecordDeliveryFailure = """
        UPDATE notification_deliveries SET attempts = attempts + 1, last_error = @Error, claimed_until = NULL
        WHERE notification_id = @NotificationId AND channel = @Channel AND target = @Target AND sent_at IS NULL
        """;

    /// <summary>Deliveries requested before <c>@Before</c> and still not sent, oldest request first.</summary>
    public static readonly IReadOnlyDictionary<SqlDialect, string> SelectUnsentDeliveries = new Dictionary<SqlDialect, string>
    {
        [SqlDialect.Sqlite] = $"SELECT {Fragment.UnsentDeliveries} LIMIT @Take",
        [SqlDialect.SqlServer] = $"SELECT TOP (@Take) {Fragment.UnsentDeliveries}",
    };

    /// <summary>Claims one re-request: only the instance that still sees the old request time wins.</summary>
    public const string RerequestDelivery = """
        UPDATE notification_deliveries SET requested_at = @RequestedAt
        WHERE notification_id = @NotificationId AND channel = @Channel AND target = @Target
          AND requested_at = @Seen AND sent_at IS NULL
        """;

    public const string SelectReportedPeriod = "SELECT last_period FROM engineer_quality_reports WHERE branch_code = @BranchCode";

    public const string InsertReportedPeriod = """
        INSERT INTO engineer_quality_reports (branch_code, last_period)
        SELECT @BranchCode, @Period
        WHERE NOT EXISTS (SELECT 1 FROM engineer_quality_reports WHERE branch_code = @BranchCode)
        """;

    /// <summary>Claims a period's report for a branch: only the instance that still sees the earlier period wins.</summary>
    public const string AdvanceReportedPeriod = """
        UPDATE engineer_quality_reports SET last_period = @Period WHERE branch_code = @BranchCode AND last_period = @Seen
        """;

    /// <summary>Every branch something is known of an engineer in.</summary>
    public const string SelectBranchesWithEngineers = """
        SELECT branch_code FROM engineer_arrivals
        UNION SELECT branch_code FROM unit_visits
        UNION SELECT branch_code FROM complaints WHERE engineer_id IS NOT NULL
        """;

    public const string SelectEngineersOfBranch = """
        SELECT engineer_id FROM engineer_arrivals WHERE branch_code = @BranchCode
        UNION SELECT engineer_id FROM unit_visits WHERE branch_code = @BranchCode
        UNION SELECT engineer_id FROM complaints WHERE branch_code = @BranchCode AND engineer_id IS NOT NULL
        """;

    private static class Columns
    {
        public const string Notification = """
            sequence, id, kind, branch_code, level, recipient_role, owner, title, body, subject_id, cause_id, created_at,
            acknowledge_due, acknowledged_at, acknowledged_by, climbed_to, climbed_at
            """;
    }

    /// <summary>Statement parts, not statements: the engines differ only in where the row limit goes.</summary>
    private static class Fragment
    {
        public const string Inbox = """
            (@BranchCode IS NULL OR branch_code = @BranchCode)
              AND (@AnyRole = 1 OR recipient_role IN @Roles)
              AND (@OpenOnly = 0 OR (acknowledged_at IS NULL AND climbed_to IS NULL))
            """;

        public const string InboxPage = $"""
            FROM notifications
            WHERE {Inbox}
              AND (@Before IS NULL OR sequence < @Before)
            ORDER BY sequence DESC
            """;

        public const string InboxSince = $"""
            FROM notifications
            WHERE sequence > @After
              AND {Inbox}
            ORDER BY sequence
            """;

        public const string UnsentDeliveries = """
            notification_id, channel, target, requested_at FROM notification_deliveries
            WHERE sent_at IS NULL AND requested_at < @Before
            ORDER BY requested_at
            """;
    }
}
