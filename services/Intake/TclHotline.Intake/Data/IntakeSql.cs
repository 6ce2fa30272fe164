using TclHotline.ServiceDefaults.Database;

namespace TclHotline.Intake.Data;

/// <summary>
/// Every statement of the intake service. Most run unchanged on both engines; paging differs and sits
/// side by side. Every SQL Server statement is parsed by the T-SQL parser in the intake tests.
/// </summary>
public static class IntakeSql
{
    /// <summary>
    /// One statement, so two first calls from one number cannot both insert: SQLite's upsert, SQL Server's MERGE
    /// under HOLDLOCK (the key range stays locked to commit, so the customer row also queues a second
    /// registration from the same number until the first has committed its order). Both return the customer's id.
    /// </summary>
    public static readonly IReadOnlyDictionary<SqlDialect, string> UpsertCustomer = new Dictionary<SqlDialect, string>
    {
        [SqlDialect.Sqlite] = """
            INSERT INTO customers (customer_id, caller_number, name, province_code, city_code, district_code, street_address, created_at, updated_at)
            VALUES (@CustomerId, @CallerNumber, @Name, @ProvinceCode, @CityCode, @DistrictCode, @StreetAddress, @Now, @Now)
            ON CONFLICT (caller_number) DO UPDATE SET
            """ + Fragment.CustomerUpdate + """

            RETURNING customer_id
            """,
        [SqlDialect.SqlServer] = """
            MERGE customers WITH (HOLDLOCK) AS t
            USING (SELECT @CallerNumber AS phone) AS s ON t.caller_number = s.phone
            WHEN MATCHED THEN UPDATE SET
            """ + Fragment.CustomerUpdate + """

            WHEN NOT MATCHED THEN
                INSERT (customer_id, caller_number, name, province_code, city_code, district_code, street_address, created_at, updated_at)
                VALUES (@CustomerId, @CallerNumber, @Name, @ProvinceCode, @CityCode, @DistrictCode, @StreetAddress, @Now, @Now)
            OUTPUT inserted.customer_id;
            """,
    };

    public const string SelectCustomerByPhone = """
        SELECT customer_id, caller_number, name, province_code, city_code, district_code, street_address
        FROM customers WHERE caller_number = @CallerNumber
        """;

    public const string SelectUnit = "SELECT " + Fragment.UnitColumns + " FROM units WHERE serial_number = @SerialNumber";

    /// <summary>The customer's @Take most recently changed units.</summary>
    public static readonly IReadOnlyDictionary<SqlDialect, string> SelectUnitsOfCustomer = new Dictionary<SqlDialect, string>
    {
        [SqlDialect.Sqlite] = "SELECT " + Fragment.UnitColumns + " FROM units WHERE customer_id = @CustomerId ORDER BY updated_at DESC, serial_number LIMIT @Take",
        [SqlDialect.SqlServer] = "SELECT TOP (@Take) " + Fragment.UnitColumns + " FROM units WHERE customer_id = @CustomerId ORDER BY updated_at DESC, serial_number",
    };

    // What the agent is told on a later call only adds to what is known: a blank field keeps the stored value.
    /// <summary>
    /// Taken before looking for the unit's open order: on SQL Server a second call about the same unit (from
    /// another number) waits here until the first has committed, then finds its order and becomes a repeat call.
    /// HOLDLOCK locks the key even while no such unit exists yet. SQLite's single writer already serialises.
    /// </summary>
    public static readonly IReadOnlyDictionary<SqlDialect, string> LockUnit = new Dictionary<SqlDialect, string>
    {
        [SqlDialect.Sqlite] = "SELECT serial_number FROM units WHERE serial_number = @SerialNumber",
        [SqlDialect.SqlServer] = "SELECT serial_number FROM units WITH (UPDLOCK, HOLDLOCK) WHERE serial_number = @SerialNumber",
    };

    /// <summary>Proofs given earlier are kept when a later call gives none. One statement on each engine, as for customers.</summary>
    public static readonly IReadOnlyDictionary<SqlDialect, string> UpsertUnit = new Dictionary<SqlDialect, string>
    {
        [SqlDialect.Sqlite] = """
            INSERT INTO units (serial_number, product_model, customer_id, production_date, purchase_date, invoice_number, invoice_date,
                has_warranty_card, installation_date, installed_through_hotline, days_in_repair, days_waiting_for_parts, created_at, updated_at)
            VALUES (@SerialNumber, @ProductModel, @CustomerId, @ProductionDate, @PurchaseDate, @InvoiceNumber, @InvoiceDate,
                @HasWarrantyCard, @InstallationDate, @InstalledThroughHotline, 0, 0, @Now, @Now)
            ON CONFLICT (serial_number) DO UPDATE SET
            """ + Fragment.UnitUpdate,
        [SqlDialect.SqlServer] = """
            MERGE units WITH (HOLDLOCK) AS t
            USING (SELECT @SerialNumber AS serial) AS s ON t.serial_number = s.serial
            WHEN MATCHED THEN UPDATE SET
            """ + Fragment.UnitUpdate + """

            WHEN NOT MATCHED THEN
                INSERT (serial_number, product_model, customer_id, production_date, purchase_date, invoice_number, invoice_date,
                    has_warranty_card, installation_date, installed_through_hotline, days_in_repair, days_waiting_for_parts, created_at, updated_at)
                VALUES (@SerialNumber, @ProductModel, @CustomerId, @ProductionDate, @PurchaseDate, @InvoiceNumber, @InvoiceDate,
                    @HasWarrantyCard, @InstallationDate, @InstalledThroughHotline, 0, 0, @Now, @Now);
            """,
    };

    public const string AddRepairDaysToUnit = """
        UPDATE units SET days_in_repair = days_in_repair + @DaysInRepair,
            days_waiting_for_parts = days_waiting_for_parts + @DaysWaitingForParts, updated_at = @Now
        WHERE serial_number = @SerialNumber
        """;

    /// <summary>
    /// Rule 8 counts fault reports that ended in a completed repair of the unit, and the one still open (the
    /// current report): a cancelled order, or a visit where nothing was repaired, does not count.
    /// </summary>
    public const string SelectFaultReports = """
        SELECT f.reported_on, f.fault_category FROM unit_fault_reports f
        WHERE f.serial_number = @SerialNumber
          AND (EXISTS (SELECT 1 FROM repair_history r WHERE r.order_id = f.order_id AND r.repaired = 1)
               OR EXISTS (SELECT 1 FROM service_orders o WHERE o.order_id = f.order_id
                          AND o.status NOT IN ('Completed', 'Cancelled', 'Answered')))
        """;

    public const string InsertFaultReport = """
        INSERT INTO unit_fault_reports (order_id, serial_number, reported_on, fault_category)
        VALUES (@OrderId, @SerialNumber, @ReportedOn, @FaultCategory)
        """;

    public const string SelectRepairs = """
        SELECT started_on, days_in_repair, days_waiting_for_parts, main_part_involved
        FROM repair_history WHERE serial_number = @SerialNumber
        """;

    public const string InsertRepair = """
        INSERT INTO repair_history (visit_id, order_id, serial_number, engineer_id, started_on, completed_at, repaired,
            customer_declined, fault_found, parts_replaced, main_part_involved, fee_charged, days_in_repair, days_waiting_for_parts)
        VALUES (@VisitId, @OrderId, @SerialNumber, @EngineerId, @StartedOn, @CompletedAt, @Repaired,
            @CustomerDeclined, @FaultFound, @PartsReplaced, @MainPartInvolved, @FeeCharged, @DaysInRepair, @DaysWaitingForParts)
        """;

    /// <summary>
    /// The next order number's counter. SQLite: the branch-calendar day's counter, bumped or started in one
    /// statement (the file's single writer orders them). SQL Server: a SEQUENCE, which hands out distinct values
    /// to concurrent transactions without a row lock held until commit; it does not restart each day.
    /// </summary>
    public static readonly IReadOnlyDictionary<SqlDialect, string> NextOrderNumber = new Dictionary<SqlDialect, string>
    {
        [SqlDialect.Sqlite] = """
            INSERT INTO order_number_sequences (day, last_value) VALUES (@Day, 1)
            ON CONFLICT (day) DO UPDATE SET last_value = last_value + 1
            RETURNING last_value
            """,
        [SqlDialect.SqlServer] = "SELECT NEXT VALUE FOR order_numbers",
    };

    public const string InsertOrder = """
        INSERT INTO service_orders (order_id, order_number, order_type, status, branch_code, branch_name, province_code, city_code,
            district_code, district_name, is_urban, customer_id, customer_name, caller_number, street_address, serial_number,
            product_model, fault_category, fault_description, bracket_source, requested_visit_at, call_id, agent_id, in_warranty,
            warranty_coverage, exchange_eligible, invoice_needs_verification, warranty_decision, fee_chargeable, fee_total,
            fee_estimate, repeat_call_count, registered_at, registered_on, status_changed_at, visit_at, invoice_verification)
        VALUES (@OrderId, @OrderNumber, @OrderType, @Status, @BranchCode, @BranchName, @ProvinceCode, @CityCode,
            @DistrictCode, @DistrictName, @IsUrban, @CustomerId, @CustomerName, @CallerNumber, @StreetAddress, @SerialNumber,
            @ProductModel, @FaultCategory, @FaultDescription, @BracketSource, @RequestedVisitAt, @CallId, @AgentId, @InWarranty,
            @WarrantyCoverage, @ExchangeEligible, @InvoiceNeedsVerification, @WarrantyDecision, @FeeChargeable, @FeeTotal,
            @FeeEstimate, 0, @RegisteredAt, @RegisteredOn, @RegisteredAt, @RequestedVisitAt, @InvoiceVerification)
        """;

    public const string SelectOrderByNumber = "SELECT " + Fragment.OrderColumns + " FROM service_orders WHERE order_number = @OrderNumber";

    public const string SelectOrderById = "SELECT " + Fragment.OrderColumns + " FROM service_orders WHERE order_id = @OrderId";

    /// <summary>
    /// The open order a call repeats: the same unit, or the same caller when either side names no unit.
    /// A caller's second set with its own serial is a new order, not a repeat.
    /// </summary>
    public const string SelectOpenOrderForCall = """
        SELECT order_id FROM service_orders
        WHERE status NOT IN @Closed AND order_type <> 'Consultation'
          AND (serial_number = @SerialNumber OR (caller_number = @CallerNumber AND (@SerialNumber IS NULL OR serial_number IS NULL)))
        ORDER BY registered_at DESC
        """;

    /// <summary>The caller's newest @Take open orders.</summary>
    public static readonly IReadOnlyDictionary<SqlDialect, string> SelectOpenOrdersOfCaller = new Dictionary<SqlDialect, string>
    {
        [SqlDialect.Sqlite] = "SELECT " + Fragment.OrderColumns + """
             FROM service_orders WHERE caller_number = @CallerNumber AND status NOT IN @Closed ORDER BY registered_at DESC LIMIT @Take
            """,
        [SqlDialect.SqlServer] = "SELECT TOP (@Take) " + Fragment.OrderColumns + """
             FROM service_orders WHERE caller_number = @CallerNumber AND status NOT IN @Closed ORDER BY registered_at DESC
            """,
    };

    /// <summary>Newest first: @Take orders after (@AfterRegisteredAt, @AfterOrderNumber), the last of the previous page, when given.</summary>
    public static readonly IReadOnlyDictionary<SqlDialect, string> ListOrders = new Dictionary<SqlDialect, string>
    {
        [SqlDialect.Sqlite] = "SELECT " + Fragment.OrderColumns + " " + Fragment.ListFilter + " LIMIT @Take",
        [SqlDialect.SqlServer] = "SELECT TOP (@Take) " + Fragment.OrderColumns + " " + Fragment.ListFilter,
    };

    public const string LinkRepeatCall = "UPDATE service_orders SET repeat_call_count = repeat_call_count + 1 WHERE order_id = @OrderId";

    public const string SelectRepeatCount = "SELECT repeat_call_count FROM service_orders WHERE order_id = @OrderId";

    public const string InsertRepeatCall = """
        INSERT INTO repeat_calls (call_record_id, order_id, repeat_number, called_at)
        VALUES (@CallRecordId, @OrderId, @RepeatNumber, @CalledAt)
        """;

    public const string InsertCall = """
        INSERT INTO calls (call_record_id, call_id, caller_number, customer_id, agent_id, called_at, order_type, order_id,
            repeat_call, complaint_category, complaint_description)
        VALUES (@CallRecordId, @CallId, @CallerNumber, @CustomerId, @AgentId, @CalledAt, @OrderType, @OrderId,
            @RepeatCall, @ComplaintCategory, @ComplaintDescription)
        """;

    public static readonly IReadOnlyDictionary<SqlDialect, string> SelectLastCalls = new Dictionary<SqlDialect, string>
    {
        [SqlDialect.Sqlite] = """
            SELECT c.call_record_id, c.call_id, c.called_at, c.order_type, o.order_number, c.repeat_call, c.agent_id
            FROM calls c LEFT JOIN service_orders o ON o.order_id = c.order_id
            WHERE c.caller_number = @CallerNumber ORDER BY c.called_at DESC LIMIT @Take
            """,
        [SqlDialect.SqlServer] = """
            SELECT TOP (@Take) c.call_record_id, c.call_id, c.called_at, c.order_type, o.order_number, c.repeat_call, c.agent_id
            FROM calls c LEFT JOIN service_orders o ON o.order_id = c.order_id
            WHERE c.caller_number = @CallerNumber ORDER BY c.called_at DESC
            """,
    };

    public const string CancelOrder = """
        UPDATE service_orders SET status = 'Cancelled', cancel_reason = @Reason, cancelled_by = @CancelledBy,
            cancelled_at = @Now, status_changed_at = @Now
        WHERE order_id = @OrderId AND status NOT IN @Closed
        """;

    /// <summary>Moves an order on from dispatch's events; a closed order stays closed.</summary>
    public const string ChangeStatus = """
        UPDATE service_orders SET status = @Status, engineer_id = COALESCE(@EngineerId, engineer_id), status_changed_at = @Now
        WHERE order_id = @OrderId AND status NOT IN @Closed
        """;

    /// <summary>The last visit is done: the order is Completed, or AwaitingExchange while a rule-17 exchange is settled.</summary>
    public const string CompleteOrder = """
        UPDATE service_orders SET status = @Status, completed_at = @CompletedAt, engineer_id = @EngineerId, status_changed_at = @Now
        WHERE order_id = @OrderId AND status NOT IN @Closed
        """;

    /// <summary>Rule 17: the returns service settled the panel exchange, so the order is done.</summary>
    public const string CompleteExchangedOrder = """
        UPDATE service_orders SET status = 'Completed', status_changed_at = @Now
        WHERE order_id = @OrderId AND status = 'AwaitingExchange'
        """;

    /// <summary>
    /// Dispatch chose (or changed) the outlet: the travel line is counted from its distance (rule 15). Dispatch's
    /// events may arrive out of order: an older decision never replaces a newer one.
    /// </summary>
    public const string SetOutlet = """
        UPDATE service_orders SET outlet_id = @OutletId, distance_km = @DistanceKm, outlet_decided_at = @DecidedAt
        WHERE order_id = @OrderId AND status NOT IN @Closed AND (outlet_decided_at IS NULL OR outlet_decided_at <= @DecidedAt)
        """;

    /// <summary>The customer's chosen visit time: the night surcharge follows it (rule 16). The newest decision wins.</summary>
    public const string SetVisitAt = """
        UPDATE service_orders SET visit_at = @VisitAt, visit_decided_at = @DecidedAt
        WHERE order_id = @OrderId AND status NOT IN @Closed AND (visit_decided_at IS NULL OR visit_decided_at <= @DecidedAt)
        """;

    public const string SetCurrentEstimate = """
        UPDATE service_orders SET fee_chargeable = @Chargeable, fee_total = @Total, fee_estimate = @Estimate, fee_revision = @Revision
        WHERE order_id = @OrderId
        """;

    public const string InsertEstimate = """
        INSERT INTO fee_estimates (order_id, revision, cause, estimated_at, estimate)
        VALUES (@OrderId, @Revision, @Cause, @EstimatedAt, @Estimate)
        """;

    /// <summary>
    /// The estimates up to the order row's own revision: the row and its history are read one after the other, and
    /// an estimate committed between the two reads must not show in a history whose current estimate predates it.
    /// </summary>
    public const string SelectEstimates =
        "SELECT revision, cause, estimated_at, estimate FROM fee_estimates WHERE order_id = @OrderId AND revision <= @FeeRevision ORDER BY revision";

    public const string SetSettlement = """
        UPDATE service_orders SET fee_settlement = @Settlement, panel_exchange_offers = @Offers, serial_found_on_site = @SerialFoundOnSite
        WHERE order_id = @OrderId
        """;

    public const string SetWarrantyDecision = """
        UPDATE service_orders SET warranty_decision = @WarrantyDecision, exchange_eligible = @ExchangeEligible WHERE order_id = @OrderId
        """;

    /// <summary>Rule 10: a hotline installation starts the unit's period, unless an earlier one already did.</summary>
    public const string RecordInstallation = """
        UPDATE units SET installation_date = @InstalledOn, installed_through_hotline = 1, updated_at = @Now
        WHERE serial_number = @SerialNumber AND installed_through_hotline = 0
        """;

    public const string SetInvoicePending = "UPDATE service_orders SET invoice_verification = 'Pending' WHERE order_id = @OrderId";

    public const string RecordInvoiceVerification = """
        UPDATE service_orders SET invoice_verification = @Verdict, invoice_verification_reason = @Reason,
            invoice_verified_by = @VerifiedBy, invoice_verified_at = @Now
        WHERE order_id = @OrderId AND invoice_verification = 'Pending'
        """;

    /// <summary>Oldest first: @Take orders after (@AfterRegisteredAt, @AfterOrderNumber), the last of the previous page, when given.</summary>
    public static readonly IReadOnlyDictionary<SqlDialect, string> SelectPendingInvoiceVerifications = new Dictionary<SqlDialect, string>
    {
        [SqlDialect.Sqlite] = "SELECT " + Fragment.OrderColumns + " " + Fragment.PendingVerification + " LIMIT @Take",
        [SqlDialect.SqlServer] = "SELECT TOP (@Take) " + Fragment.OrderColumns + " " + Fragment.PendingVerification,
    };

    /// <summary>Pieces of the statements above; not statements themselves, so kept out of the parse test's sight.</summary>
    private static class Fragment
    {
        /// <summary>The customer's details as the latest call gives them; an address is kept when a call gives none.</summary>
        public const string CustomerUpdate = """
                name = @Name, province_code = @ProvinceCode, city_code = @CityCode, district_code = @DistrictCode,
                street_address = COALESCE(@StreetAddress, street_address), updated_at = @Now
            """;

        public const string UnitUpdate = """
                product_model = COALESCE(@ProductModel, product_model),
                customer_id = @CustomerId,
                production_date = COALESCE(@ProductionDate, production_date),
                purchase_date = COALESCE(@PurchaseDate, purchase_date),
                invoice_number = COALESCE(@InvoiceNumber, invoice_number),
                invoice_date = COALESCE(@InvoiceDate, invoice_date),
                has_warranty_card = CASE WHEN @HasWarrantyCard = 1 THEN 1 ELSE has_warranty_card END,
                installation_date = COALESCE(@InstallationDate, installation_date),
                installed_through_hotline = CASE WHEN @InstalledThroughHotline = 1 THEN 1 ELSE installed_through_hotline END,
                updated_at = @Now
            """;

        public const string UnitColumns = """
            serial_number, product_model, customer_id, production_date, purchase_date, invoice_number, invoice_date,
            has_warranty_card, installation_date, installed_through_hotline, days_in_repair, days_waiting_for_parts
            """;

        public const string OrderColumns = """
            order_id, order_number, order_type, status, branch_code, branch_name, province_code, city_code, district_code,
            district_name, is_urban, customer_id, customer_name, caller_number, street_address, serial_number, product_model,
            fault_category, fault_description, bracket_source, requested_visit_at, call_id, agent_id, warranty_decision,
            fee_estimate, repeat_call_count, engineer_id, registered_at, cancel_reason, cancelled_at, outlet_id, distance_km,
            visit_at, fee_revision, fee_settlement, panel_exchange_offers, invoice_verification, invoice_verification_reason,
            invoice_verified_by, invoice_verified_at, serial_found_on_site
            """;

        public const string PendingVerification = """
            FROM service_orders WHERE branch_code = @BranchCode AND invoice_verification = 'Pending'
              AND (@AfterRegisteredAt IS NULL OR registered_at > @AfterRegisteredAt
                   OR (registered_at = @AfterRegisteredAt AND order_number > @AfterOrderNumber))
            ORDER BY registered_at, order_number
            """;

        public const string ListFilter = """
            FROM service_orders
            WHERE (@BranchCode IS NULL OR branch_code = @BranchCode)
              AND (@Status IS NULL OR status = @Status)
              AND (@OrderType IS NULL OR order_type = @OrderType)
              AND (@From IS NULL OR registered_on >= @From)
              AND (@To IS NULL OR registered_on <= @To)
              AND (@AfterRegisteredAt IS NULL OR registered_at < @AfterRegisteredAt
                   OR (registered_at = @AfterRegisteredAt AND order_number < @AfterOrderNumber))
            ORDER BY registered_at DESC, order_number DESC
            """;
    }
}
