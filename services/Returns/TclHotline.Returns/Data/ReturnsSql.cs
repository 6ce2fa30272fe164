using TclHotline.ServiceDefaults.Database;

namespace TclHotline.Returns.Data;

/// <summary>
/// Every statement the returns service sends, side by side for both engines where they differ. Facts from the
/// bus are inserted only when their natural key is new, so a re-published event changes nothing.
/// </summary>
public static class ReturnsSql
{

    // ---------- dealer stock ----------

    public const string SelectUnit = $"SELECT {Columns.Unit} FROM dealer_units WHERE serial_number = @SerialNumber";

    public const string InsertUnit = """
        INSERT INTO dealer_units (serial_number, product_model, dealer_code, branch_code, delivered_on, status, recorded_by, recorded_at)
        VALUES (@SerialNumber, @ProductModel, @DealerCode, @BranchCode, @DeliveredOn, @Status, @RecordedBy, @RecordedAt)
        """;

    /// <summary>A unit leaves the dealer's stock once (sold, returned, scrapped); later changes find it gone.</summary>
    public const string LeaveStock = """
        UPDATE dealer_units SET status = @Status, status_changed_at = @Now
        WHERE serial_number = @SerialNumber AND status = 'InStock'
        """;

    public static readonly IReadOnlyDictionary<SqlDialect, string> SelectUnitsOfDealer = new Dictionary<SqlDialect, string>
    {
        [SqlDialect.Sqlite] = $"""
            SELECT {Columns.Unit} FROM dealer_units
            WHERE dealer_code = @DealerCode AND serial_number > @After
            ORDER BY serial_number
            LIMIT @Take
            """,
        [SqlDialect.SqlServer] = $"""
            SELECT TOP (@Take) {Columns.Unit} FROM dealer_units
            WHERE dealer_code = @DealerCode AND serial_number > @After
            ORDER BY serial_number
            """,
    };

    public const string SelectAgingUnits = $"""
        SELECT {Columns.Unit} FROM dealer_units
        WHERE branch_code = @BranchCode AND status = 'InStock' AND delivered_on <= @LatestAgingDelivery
        ORDER BY delivered_on, serial_number
        """;

    public const string CountInStockByDealer = """
        SELECT dealer_code, COUNT(*) AS count FROM dealer_units
        WHERE branch_code = @BranchCode AND status = 'InStock'
        GROUP BY dealer_code
        """;

    public const string CountDeliveriesByDealer = """
        SELECT dealer_code, COUNT(*) AS count FROM dealer_units
        WHERE branch_code = @BranchCode AND delivered_on >= @From AND delivered_on < @To
        GROUP BY dealer_code
        """;

    // ---------- pre-sale reports (rule 18) ----------

    public const string InsertReport = """
        INSERT INTO pre_sale_reports (id, branch_code, dealer_code, serial_number, product_model, finding, description,
            reported_by, reported_at, reported_on)
        VALUES (@Id, @BranchCode, @DealerCode, @SerialNumber, @ProductModel, @Finding, @Description,
            @ReportedBy, @ReportedAt, @ReportedOn)
        """;

    public const string SelectReport = $"SELECT {Columns.Report} FROM pre_sale_reports WHERE id = @Id";

    /// <summary>Intake opened (or, for a unit already in repair, joined) the order: every report of the unit still without one gets it.</summary>
    public const string LinkReportsToOrder = """
        UPDATE pre_sale_reports SET order_id = @OrderId, order_number = @OrderNumber
        WHERE serial_number = @SerialNumber AND order_id IS NULL
        """;

    public const string RecordInspection = """
        UPDATE pre_sale_reports
        SET attribution = @Attribution, cost_bearer = @CostBearer, evidence_photo_ids = @EvidencePhotoIds,
            inspection_note = @Note, inspected_by = @InspectedBy, inspected_at = @InspectedAt
        WHERE id = @Id AND inspected_at IS NULL
        """;

    public const string SetAttribution = """
        UPDATE pre_sale_reports SET attribution = @To WHERE id = @Id AND attribution = @From
        """;

    public const string InsertAttributionChange = """
        INSERT INTO attribution_changes (id, report_id, from_attribution, to_attribution, reason, changed_by, changed_at)
        VALUES (@Id, @ReportId, @From, @To, @Reason, @ChangedBy, @ChangedAt)
        """;

    public const string SelectAttributionChanges = """
        SELECT from_attribution, to_attribution, reason, changed_by, changed_at FROM attribution_changes
        WHERE report_id = @ReportId ORDER BY changed_at, id
        """;

    public const string CountDamageOfMonth = """
        SELECT finding, attribution, COUNT(*) AS count FROM pre_sale_reports
        WHERE branch_code = @BranchCode AND reported_on >= @From AND reported_on < @To
        GROUP BY finding, attribution
        """;

    // ---------- order facts from the bus (rules 9 and 12) ----------

    /// <summary>The order's row, created by whichever of its events comes first.</summary>
    public const string EnsureOrderFact = """
        INSERT INTO order_facts (order_id)
        SELECT @OrderId
        WHERE NOT EXISTS (SELECT 1 FROM order_facts WHERE order_id = @OrderId)
        """;

    public const string RecordOrderOpened = """
        UPDATE order_facts SET order_number = @OrderNumber, order_type = @OrderType, branch_code = @BranchCode,
            serial_number = @SerialNumber, registered_at = @RegisteredAt
        WHERE order_id = @OrderId
        """;

    public const string RecordOrderCompleted = """
        UPDATE order_facts SET completed_at = @CompletedAt, days_in_repair = @DaysInRepair, days_waiting_for_parts = @DaysWaitingForParts
        WHERE order_id = @OrderId AND completed_at IS NULL
        """;

    public const string RecordOrderCancelled = "UPDATE order_facts SET cancelled_at = @CancelledAt WHERE order_id = @OrderId";

    public const string RecordSlowRepairDecided = """
        UPDATE order_facts SET slow_repair_decided_at = @DecidedAt WHERE order_id = @OrderId AND slow_repair_decided_at IS NULL
        """;

    public const string RecordInvoiceFlagged = """
        UPDATE order_facts SET invoice_flagged_at = @FlaggedAt WHERE order_id = @OrderId AND invoice_flagged_at IS NULL
        """;

    public const string RecordInvoiceVerified = """
        UPDATE order_facts SET invoice_verified_at = @VerifiedAt, chargeable_after_verification = @Chargeable
        WHERE order_id = @OrderId
        """;

    public const string SelectOrderFactsByNumbers = """
        SELECT order_id, order_number, branch_code, serial_number, registered_at, completed_at, days_in_repair,
            days_waiting_for_parts, cancelled_at, slow_repair_decided_at
        FROM order_facts WHERE order_number IN @OrderNumbers
        """;

    /// <summary>Rule 12 by dealer: the flagged invoices of units the branch delivered, by the dealer that sold them.</summary>
    public const string SelectSuspiciousInvoiceCases = """
        SELECT u.dealer_code, o.order_id, o.order_number, o.serial_number, o.invoice_flagged_at, o.invoice_verified_at,
            o.chargeable_after_verification
        FROM order_facts o JOIN dealer_units u ON u.serial_number = o.serial_number
        WHERE u.branch_code = @BranchCode AND o.invoice_flagged_at IS NOT NULL
        ORDER BY u.dealer_code, o.invoice_flagged_at, o.order_id
        """;

    // ---------- merchant returns (rule 19) ----------

    public const string InsertReturn = $"""
        INSERT INTO merchant_returns ({Columns.Return})
        VALUES (@Id, @BranchCode, @DealerCode, @SerialNumber, @ProductModel, @Reason, @ReturnClass, @Note, @RegisteredBy, @RegisteredAt, @RegisteredOn)
        """;

    public const string InsertSlowOrder = """
        INSERT INTO merchant_return_slow_orders (return_id, order_id, order_number, slow_by, days, threshold_days)
        VALUES (@ReturnId, @OrderId, @OrderNumber, @SlowBy, @Days, @ThresholdDays)
        """;

    public const string SelectReturn = $"SELECT {Columns.Return} FROM merchant_returns WHERE id = @Id";

    public const string SelectSlowOrders = """
        SELECT order_id, order_number, slow_by, days, threshold_days FROM merchant_return_slow_orders
        WHERE return_id = @ReturnId ORDER BY order_number
        """;

    public const string CountReturnsOfMonth = """
        SELECT dealer_code, return_class, COUNT(*) AS count FROM merchant_returns
        WHERE branch_code = @BranchCode AND registered_on >= @From AND registered_on < @To
        GROUP BY dealer_code, return_class
        """;

    // ---------- scrap (rule 24) ----------

    public const string InsertScrap = """
        INSERT INTO scraps (id, branch_code, serial_number, product_model, reason, step)
        VALUES (@Id, @BranchCode, @SerialNumber, @ProductModel, @Reason, @Step)
        """;

    public const string SelectScrap = "SELECT id, branch_code, serial_number, product_model, reason, step FROM scraps WHERE id = @Id";

    public const string SelectOpenScrapOfUnit = """
        SELECT id, branch_code, serial_number, product_model, reason, step FROM scraps
        WHERE serial_number = @SerialNumber AND step <> 'WrittenOff'
        """;

    /// <summary>Moves on only from the step the caller saw, so two people taking the same step cannot both succeed.</summary>
    public const string SetScrapStep = "UPDATE scraps SET step = @Step WHERE id = @Id AND step = @Current";

    // ---------- process steps (scrap, exchange) ----------

    public const string InsertStep = """
        INSERT INTO process_steps (subject_type, subject_id, step, done_by, done_at, note)
        VALUES (@SubjectType, @SubjectId, @Step, @DoneBy, @DoneAt, @Note)
        """;

    /// <summary>A process's first step, from an event: stored once however often the event arrives.</summary>
    public const string InsertFirstStep = """
        INSERT INTO process_steps (subject_type, subject_id, step, done_by, done_at, note)
        SELECT @SubjectType, @SubjectId, @Step, @DoneBy, @DoneAt, @Note
        WHERE NOT EXISTS (SELECT 1 FROM process_steps WHERE subject_type = @SubjectType AND subject_id = @SubjectId AND step = @Step)
        """;

    public const string SelectSteps = """
        SELECT step, done_by, done_at, note FROM process_steps
        WHERE subject_type = @SubjectType AND subject_id = @SubjectId ORDER BY done_at, step
        """;

    // ---------- panel exchanges (rule 17) ----------

    public const string InsertExchange = """
        INSERT INTO panel_exchanges (order_id, order_number, branch_code, serial_number, offers, offered_at, step)
        SELECT @OrderId, @OrderNumber, @BranchCode, @SerialNumber, @Offers, @OfferedAt, @Step
        WHERE NOT EXISTS (SELECT 1 FROM panel_exchanges WHERE order_id = @OrderId)
        """;

    public const string SelectExchange = $"SELECT {Columns.Exchange} FROM panel_exchanges WHERE order_id = @OrderId";

    public const string RecordChoice = """
        UPDATE panel_exchanges
        SET choice = @Choice, purchase_price = @PurchasePrice, purchased_on = @PurchasedOn, age_months = @AgeMonths,
            depreciation_percent = @DepreciationPercent, depreciated_value = @DepreciatedValue, new_model = @NewModel,
            new_model_price = @NewModelPrice, top_up = @TopUp, step = @Step
        WHERE order_id = @OrderId AND step = @Current
        """;

    public const string SetExchangeStep = "UPDATE panel_exchanges SET step = @Step WHERE order_id = @Id AND step = @Current";

    /// <summary>Column lists the statements share (fragments, not statements).</summary>
    private static class Columns
    {
        public const string Unit = "serial_number, product_model, dealer_code, branch_code, delivered_on, status";

        public const string Report = """
            id, branch_code, dealer_code, serial_number, product_model, finding, description, reported_by, reported_at,
            order_id, order_number, attribution, cost_bearer, evidence_photo_ids, inspection_note, inspected_by, inspected_at
            """;

        public const string Return = """
            id, branch_code, dealer_code, serial_number, product_model, reason, return_class, note, registered_by, registered_at, registered_on
            """;

        public const string Exchange = """
            order_id, order_number, branch_code, serial_number, offers, choice, purchase_price, purchased_on, age_months,
            depreciation_percent, depreciated_value, new_model, new_model_price, top_up, step
            """;
    }
}
