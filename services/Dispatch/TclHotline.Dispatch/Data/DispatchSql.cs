using TclHotline.ServiceDefaults.Database;

namespace TclHotline.Dispatch.Data;

/// <summary>
/// Every statement dispatch runs, for both engines; the few that differ are side by side. Each is parsed
/// by the T-SQL parser in the tests.
/// </summary>
public static class DispatchSql
{
    // ---------------------------------------------------------------- network


    public const string SelectOutlets = "SELECT outlet_id, branch_code, name, kind, provider_name FROM outlets";

    public const string SelectCoverage = "SELECT outlet_id, district_code, travel_minutes, distance_km FROM outlet_coverage";

    public const string SelectEngineers = """
        SELECT engineer_id, name, outlet_id, skills, shifts, visit_minutes, daily_capacity, active FROM engineers
        """;

    /// <summary>
    /// The roster's stamp: every write to branches, outlets, coverage or engineers sets a new one in its
    /// transaction, so a process holding the network in memory knows with one read whether it is still current.
    /// </summary>
    public const string SelectNetworkStamp = "SELECT stamp FROM network_version WHERE id = 1";

    public const string StampNetwork = "UPDATE network_version SET stamp = @Stamp WHERE id = 1";

    // The branches table mirrors the branch catalogue for the outlets' foreign key; nothing reads it.
    public const string UpdateBranch = """
        UPDATE branches SET name = @Name, time_zone_id = @TimeZoneId, service_director = @ServiceDirector, areas = @Areas
        WHERE code = @Code
        """;

    public const string InsertBranch = """
        INSERT INTO branches (code, name, time_zone_id, service_director, areas)
        SELECT @Code, @Name, @TimeZoneId, @ServiceDirector, @Areas
        WHERE NOT EXISTS (SELECT 1 FROM branches WHERE code = @Code)
        """;

    public const string InsertOutlet = """
        INSERT INTO outlets (outlet_id, branch_code, name, kind, provider_name)
        VALUES (@OutletId, @BranchCode, @Name, @Kind, @ProviderName)
        """;

    public const string UpdateOutlet = """
        UPDATE outlets SET name = @Name, kind = @Kind, provider_name = @ProviderName WHERE outlet_id = @OutletId
        """;

    public const string DeleteCoverage = "DELETE FROM outlet_coverage WHERE outlet_id = @OutletId";

    public const string InsertCoverage = """
        INSERT INTO outlet_coverage (outlet_id, district_code, travel_minutes, distance_km)
        VALUES (@OutletId, @DistrictCode, @TravelMinutes, @DistanceKm)
        """;

    public const string InsertEngineer = """
        INSERT INTO engineers (engineer_id, name, outlet_id, skills, shifts, visit_minutes, daily_capacity, active)
        VALUES (@EngineerId, @Name, @OutletId, @Skills, @Shifts, @VisitMinutes, @DailyCapacity, @Active)
        """;

    public const string UpdateEngineer = """
        UPDATE engineers SET name = @Name, outlet_id = @OutletId, skills = @Skills, shifts = @Shifts,
            visit_minutes = @VisitMinutes, daily_capacity = @DailyCapacity, active = @Active
        WHERE engineer_id = @EngineerId
        """;

    // ---------------------------------------------------------------- orders and commitments

    public const string InsertOrder = """
        INSERT INTO dispatch_orders (order_id, order_number, branch_code, district_code, district_name, order_type, fault_category,
            is_urban, registered_at, requested_visit_at, status, warned, escalated, updated_at, booking_due_at, booking_state)
        VALUES (@OrderId, @OrderNumber, @BranchCode, @DistrictCode, @DistrictName, @OrderType, @FaultCategory,
            @IsUrban, @RegisteredAt, @RequestedVisitAt, @Status, 0, 0, @UpdatedAt, @BookingDueAt, @BookingState)
        """;

    public const string CountOrder = "SELECT COUNT(*) FROM dispatch_orders WHERE order_id = @OrderId";

    public const string SetOrderStatus = "UPDATE dispatch_orders SET status = @Status, updated_at = @UpdatedAt WHERE order_id = @OrderId";

    /// <summary>Moves a booking deadline still running (Open or Warned) to its next state; a decided one stays.</summary>
    public const string SetBookingState = """
        UPDATE dispatch_orders SET booking_state = @State, updated_at = @UpdatedAt
        WHERE order_id = @OrderId AND booking_state IN ('Open', 'Warned')
        """;

    /// <summary>
    /// A cancellation that came before its order. On SQL Server the key is locked to the end of the transaction
    /// (UPDLOCK, HOLDLOCK takes the key range even when no row exists), so an opening and a cancellation of the
    /// same order run one after the other and the later one always sees the earlier.
    /// </summary>
    public static readonly IReadOnlyDictionary<SqlDialect, string> CountTombstone = new Dictionary<SqlDialect, string>
    {
        [SqlDialect.Sqlite] = "SELECT COUNT(*) FROM cancelled_before_opening WHERE order_id = @OrderId",
        [SqlDialect.SqlServer] = "SELECT COUNT(*) FROM cancelled_before_opening WITH (UPDLOCK, HOLDLOCK) WHERE order_id = @OrderId",
    };

    /// <summary>The cancellation's side of the same lock: the order's key, whether or not the order has come yet.</summary>
    public static readonly IReadOnlyDictionary<SqlDialect, string> LockOrderKey = new Dictionary<SqlDialect, string>
    {
        [SqlDialect.Sqlite] = "SELECT COUNT(*) FROM dispatch_orders WHERE order_id = @OrderId",
        [SqlDialect.SqlServer] = "SELECT COUNT(*) FROM dispatch_orders WITH (UPDLOCK, HOLDLOCK) WHERE order_id = @OrderId",
    };

    public const string InsertTombstone = """
        INSERT INTO cancelled_before_opening (order_id, reason, cancelled_by, cancelled_at)
        VALUES (@OrderId, @Reason, @CancelledBy, @CancelledAt)
        """;

    public const string SetOrderWarned = "UPDATE dispatch_orders SET warned = 1, updated_at = @UpdatedAt WHERE order_id = @OrderId";

    public const string SetOrderEscalated = "UPDATE dispatch_orders SET escalated = @Escalated, updated_at = @UpdatedAt WHERE order_id = @OrderId";

    public const string SetEngineerActive = "UPDATE engineers SET active = @Active WHERE engineer_id = @EngineerId";

    public const string MoveVisit = "UPDATE visits SET planned_arrival = @PlannedArrival WHERE visit_id = @VisitId";

    private const string OrderColumns = """
        o.order_id, o.order_number, o.branch_code, o.district_code, o.district_name, o.order_type, o.fault_category, o.is_urban,
        o.registered_at, o.requested_visit_at, o.status, o.warned, o.escalated, o.booking_due_at, o.booking_state,
        c.starts_at, c.due_at, c.basis, c.reason_rule, c.not_before, c.original_due_at, c.state AS commitment_state
        """;

    public const string SelectOrder = "SELECT " + OrderColumns + """

        FROM dispatch_orders o LEFT JOIN commitments c ON c.order_id = o.order_id
        WHERE o.order_id = @OrderId
        """;

    public const string SelectOpenOrdersOfBranch = "SELECT " + OrderColumns + """

        FROM dispatch_orders o LEFT JOIN commitments c ON c.order_id = o.order_id
        WHERE o.branch_code = @BranchCode AND o.status = 'Open'
        """;

    public const string InsertCommitment = """
        INSERT INTO commitments (order_id, starts_at, due_at, basis, reason_rule, not_before, original_due_at, state, decided_at)
        VALUES (@OrderId, @StartsAt, @DueAt, @Basis, @Rule, @NotBefore, @OriginalDueAt, 'Open', NULL)
        """;

    public const string UpdateCommitment = """
        UPDATE commitments SET starts_at = @StartsAt, due_at = @DueAt, basis = @Basis, reason_rule = @Rule,
            not_before = @NotBefore, original_due_at = @OriginalDueAt
        WHERE order_id = @OrderId
        """;

    public const string DecideCommitment = """
        UPDATE commitments SET state = @State, decided_at = @DecidedAt WHERE order_id = @OrderId AND state = 'Open'
        """;

    /// <summary>Commitments whose due time falls in or after the month start: every one decided this month is among them.</summary>
    public const string SelectBranchCommitmentsSince = """
        SELECT c.due_at, (SELECT MIN(v.arrived_at) FROM visits v WHERE v.order_id = c.order_id) AS arrived_at
        FROM commitments c JOIN dispatch_orders o ON o.order_id = c.order_id
        WHERE o.branch_code = @BranchCode AND c.state <> 'Cancelled' AND c.due_at >= @Since
        """;

    // ---------------------------------------------------------------- visits and escalations

    private const string VisitColumns = """
        visit_id, order_id, engineer_id, engineer_name, outlet_id, planned_arrival, duration_minutes, travel_minutes,
        distance_km, status, assigned_by, assigned_at, accepted_at, en_route_at, expected_arrival, arrived_at,
        completed_at, customer_absent_at, arrived_early
        """;

    public const string InsertVisit = """
        INSERT INTO visits (visit_id, order_id, engineer_id, engineer_name, outlet_id, planned_arrival, duration_minutes,
            travel_minutes, distance_km, status, assigned_by, assigned_at)
        VALUES (@VisitId, @OrderId, @EngineerId, @EngineerName, @OutletId, @PlannedArrival, @DurationMinutes,
            @TravelMinutes, @DistanceKm, 'Assigned', @AssignedBy, @AssignedAt)
        """;

    public const string SelectVisitsOfOrder = "SELECT " + VisitColumns + " FROM visits WHERE order_id = @OrderId ORDER BY assigned_at";

    public const string SelectVisitsOfOrders = "SELECT " + VisitColumns + " FROM visits WHERE order_id IN @OrderIds ORDER BY assigned_at";

    private const string BookingColumns = "visit_id, order_id, engineer_id, planned_arrival, duration_minutes, travel_minutes";

    /// <summary>
    /// The visits that still hold the time of some engineers (what the planner must not double-book), arriving in a
    /// window: ix_visits_engineer_arrival. The engineers come as one JSON array of ids: an IN list of a parameter per
    /// engineer had SQLite look each parameter up by name among all the others, for every batch of orders.
    /// </summary>
    public static readonly IReadOnlyDictionary<SqlDialect, string> SelectBookingsOfEngineers = new Dictionary<SqlDialect, string>
    {
        [SqlDialect.Sqlite] = "SELECT " + BookingColumns + """

            FROM visits
            WHERE engineer_id IN (SELECT value FROM json_each(@EngineerIds)) AND planned_arrival >= @From AND planned_arrival <= @Until
              AND status IN ('Assigned', 'Accepted', 'EnRoute')
            """,
        [SqlDialect.SqlServer] = "SELECT " + BookingColumns + """

            FROM visits
            WHERE engineer_id IN (SELECT value FROM OPENJSON(@EngineerIds)) AND planned_arrival >= @From AND planned_arrival <= @Until
              AND status IN ('Assigned', 'Accepted', 'EnRoute')
            """,
    };

    /// <summary>Every visit that still holds one engineer's time, whenever it is: ix_visits_engineer.</summary>
    public const string SelectBookingsOfEngineer = "SELECT " + BookingColumns + """

        FROM visits
        WHERE engineer_id = @EngineerId AND status IN ('Assigned', 'Accepted', 'EnRoute')
        """;

    public const string SetVisitStatus = "UPDATE visits SET status = @Status WHERE visit_id = @VisitId";

    public const string AcceptVisit = "UPDATE visits SET status = 'Accepted', accepted_at = @At WHERE visit_id = @VisitId";

    public const string VisitEnRoute = """
        UPDATE visits SET status = 'EnRoute', en_route_at = @At, expected_arrival = @ExpectedArrival WHERE visit_id = @VisitId
        """;

    public const string VisitArrived = """
        UPDATE visits SET status = 'Arrived', arrived_at = @At, arrived_early = @Early WHERE visit_id = @VisitId
        """;

    public const string VisitCompleted = """
        UPDATE visits SET status = 'Completed', completed_at = @At, fault_found = @FaultFound, repaired = @Repaired
        WHERE visit_id = @VisitId
        """;

    // ---------------------------------------------------------------- fee quotes

    public const string InsertFeeQuote = """
        INSERT INTO order_fee_quotes (order_id, revision, chargeable, total, provisional, estimated_at)
        SELECT @OrderId, @Revision, @Chargeable, @Total, @Provisional, @EstimatedAt
        WHERE NOT EXISTS (SELECT 1 FROM order_fee_quotes WHERE order_id = @OrderId)
        """;

    /// <summary>Estimates may arrive out of order: only a later revision replaces the one held.</summary>
    public const string UpdateFeeQuote = """
        UPDATE order_fee_quotes SET revision = @Revision, chargeable = @Chargeable, total = @Total, provisional = @Provisional,
            estimated_at = @EstimatedAt
        WHERE order_id = @OrderId AND revision < @Revision
        """;

    public const string SelectFeeQuote = "SELECT revision, chargeable, total, provisional FROM order_fee_quotes WHERE order_id = @OrderId";

    public const string VisitCustomerAbsent = "UPDATE visits SET status = 'CustomerAbsent', customer_absent_at = @At WHERE visit_id = @VisitId";

    public const string InsertEscalation = """
        INSERT INTO escalations (escalation_id, order_id, service_director, reason, escalated_at)
        VALUES (@EscalationId, @OrderId, @ServiceDirector, @Reason, @EscalatedAt)
        """;

    public const string SelectEscalationsOfOrder = """
        SELECT escalation_id, order_id, service_director, reason, escalated_at FROM escalations WHERE order_id = @OrderId ORDER BY escalated_at
        """;

    /// <summary>Several instances may start at once: only the first seeds, the others find it done.</summary>
    public static readonly IReadOnlyDictionary<SqlDialect, string> ClaimSeed = new Dictionary<SqlDialect, string>
    {
        [SqlDialect.Sqlite] = "SELECT COUNT(*) FROM outlets",
        [SqlDialect.SqlServer] = "SELECT COUNT(*) FROM outlets WITH (UPDLOCK, HOLDLOCK)",
    };
}
