-- Dealer stock, pre-sale damage, merchant returns, scrap and panel exchanges, and the order facts learnt from
-- the bus. Instants are UTC Unix milliseconds, dates 'yyyy-MM-dd' in the branch's calendar, ids text GUIDs,
-- money decimal text.

-- Units delivered to dealers (rule 23), one row per serial.
CREATE TABLE dealer_units (
    serial_number                 NVARCHAR(60)     NOT NULL PRIMARY KEY,
    product_model                 NVARCHAR(60)     NOT NULL,
    dealer_code                   NVARCHAR(60)     NOT NULL,
    branch_code                   NVARCHAR(40)     NOT NULL,
    delivered_on                  DATE             NOT NULL,
    status                        NVARCHAR(40)     NOT NULL,
    status_changed_at             BIGINT           NULL,
    recorded_by                   NVARCHAR(100)    NOT NULL,
    recorded_at                   BIGINT           NOT NULL
);
CREATE INDEX ix_dealer_units_branch ON dealer_units (branch_code, status, delivered_on);
CREATE INDEX ix_dealer_units_dealer ON dealer_units (dealer_code, serial_number);

-- Rule 18: units of dealer stock found damaged or faulty, and their opening inspection (开箱).
CREATE TABLE pre_sale_reports (
    id                            UNIQUEIDENTIFIER NOT NULL PRIMARY KEY,
    branch_code                   NVARCHAR(40)     NOT NULL,
    dealer_code                   NVARCHAR(60)     NOT NULL,
    serial_number                 NVARCHAR(60)     NOT NULL,
    product_model                 NVARCHAR(60)     NOT NULL,
    finding                       NVARCHAR(40)     NOT NULL,
    description                   NVARCHAR(2000)   NOT NULL,
    reported_by                   NVARCHAR(100)    NOT NULL,
    reported_at                   BIGINT           NOT NULL,
    reported_on                   DATE             NOT NULL,
    order_id                      UNIQUEIDENTIFIER NULL,
    order_number                  NVARCHAR(60)     NULL,
    attribution                   NVARCHAR(40)     NULL,
    cost_bearer                   NVARCHAR(40)     NULL,
    evidence_photo_ids            NVARCHAR(2000)   NULL,
    inspection_note               NVARCHAR(2000)   NULL,
    inspected_by                  NVARCHAR(100)    NULL,
    inspected_at                  BIGINT           NULL
);
CREATE INDEX ix_pre_sale_reports_month ON pre_sale_reports (branch_code, reported_on);
CREATE INDEX ix_pre_sale_reports_serial ON pre_sale_reports (serial_number);

CREATE TABLE attribution_changes (
    id                            UNIQUEIDENTIFIER NOT NULL PRIMARY KEY,
    report_id                     UNIQUEIDENTIFIER NOT NULL REFERENCES pre_sale_reports (id),
    from_attribution              NVARCHAR(40)     NOT NULL,
    to_attribution                NVARCHAR(40)     NOT NULL,
    reason                        NVARCHAR(2000)   NOT NULL,
    changed_by                    NVARCHAR(100)    NOT NULL,
    changed_at                    BIGINT           NOT NULL
);
CREATE INDEX ix_attribution_changes_report ON attribution_changes (report_id, changed_at);

-- What the other services said about service orders (no reads of their databases): rule 9 (slow repairs,
-- for service-class merchant returns) and rule 12 (suspicious invoices, by the dealer who sold the unit).
-- An order's events arrive on different queues in any order: the first creates the row, each fills its columns.
CREATE TABLE order_facts (
    order_id                      UNIQUEIDENTIFIER NOT NULL PRIMARY KEY,
    order_number                  NVARCHAR(60)     NULL,
    order_type                    NVARCHAR(40)     NULL,
    branch_code                   NVARCHAR(40)     NULL,
    serial_number                 NVARCHAR(60)     NULL,
    registered_at                 BIGINT           NULL,
    completed_at                  BIGINT           NULL,
    days_in_repair                INT              NULL,
    days_waiting_for_parts        INT              NULL,
    cancelled_at                  BIGINT           NULL,
    slow_repair_decided_at        BIGINT           NULL,
    invoice_flagged_at            BIGINT           NULL,
    invoice_verified_at           BIGINT           NULL,
    chargeable_after_verification BIT              NULL
);
CREATE UNIQUE INDEX uq_order_facts_number ON order_facts (order_number) WHERE order_number IS NOT NULL;
CREATE INDEX ix_order_facts_serial ON order_facts (serial_number);
CREATE INDEX ix_order_facts_invoice ON order_facts (branch_code, invoice_flagged_at);

-- Rule 19: merchant returns (商返机) and, for the service class, the slow orders they name.
CREATE TABLE merchant_returns (
    id                            UNIQUEIDENTIFIER NOT NULL PRIMARY KEY,
    branch_code                   NVARCHAR(40)     NOT NULL,
    dealer_code                   NVARCHAR(60)     NOT NULL,
    serial_number                 NVARCHAR(60)     NOT NULL,
    product_model                 NVARCHAR(60)     NOT NULL,
    reason                        NVARCHAR(40)     NOT NULL,
    return_class                  NVARCHAR(40)     NOT NULL,
    note                          NVARCHAR(2000)   NOT NULL,
    registered_by                 NVARCHAR(100)    NOT NULL,
    registered_at                 BIGINT           NOT NULL,
    registered_on                 DATE             NOT NULL
);
CREATE INDEX ix_merchant_returns_month ON merchant_returns (branch_code, registered_on);

CREATE TABLE merchant_return_slow_orders (
    return_id                     UNIQUEIDENTIFIER NOT NULL REFERENCES merchant_returns (id),
    order_id                      UNIQUEIDENTIFIER NOT NULL,
    order_number                  NVARCHAR(60)     NOT NULL,
    slow_by                       NVARCHAR(40)     NOT NULL,
    days                          INT              NOT NULL,
    threshold_days                INT              NOT NULL,
    PRIMARY KEY (return_id, order_id)
);

-- Rule 24: whole-unit scrap (整机报废).
CREATE TABLE scraps (
    id                            UNIQUEIDENTIFIER NOT NULL PRIMARY KEY,
    branch_code                   NVARCHAR(40)     NOT NULL,
    serial_number                 NVARCHAR(60)     NOT NULL,
    product_model                 NVARCHAR(60)     NOT NULL,
    reason                        NVARCHAR(2000)   NOT NULL,
    step                          NVARCHAR(40)     NOT NULL
);
CREATE INDEX ix_scraps_serial ON scraps (serial_number);

-- Rule 17: the exchange offered on an order whose panel can be neither repaired nor supplied.
CREATE TABLE panel_exchanges (
    order_id                      UNIQUEIDENTIFIER NOT NULL PRIMARY KEY,
    order_number                  NVARCHAR(60)     NOT NULL,
    branch_code                   NVARCHAR(40)     NOT NULL,
    serial_number                 NVARCHAR(60)     NOT NULL,
    offers                        NVARCHAR(200)    NOT NULL,
    offered_at                    BIGINT           NOT NULL,
    choice                        NVARCHAR(40)     NULL,
    purchase_price                DECIMAL(18,2)    NULL,
    purchased_on                  DATE             NULL,
    age_months                    INT              NULL,
    depreciation_percent          DECIMAL(18,2)    NULL,
    depreciated_value             DECIMAL(18,2)    NULL,
    new_model                     NVARCHAR(60)     NULL,
    new_model_price               DECIMAL(18,2)    NULL,
    top_up                        DECIMAL(18,2)    NULL,
    step                          NVARCHAR(40)     NOT NULL
);

-- The steps of a scrap or an exchange: who did each, when. A step is done once.
CREATE TABLE process_steps (
    subject_type                  NVARCHAR(40)     NOT NULL,
    subject_id                    NVARCHAR(100)    NOT NULL,
    step                          NVARCHAR(40)     NOT NULL,
    done_by                       NVARCHAR(100)    NOT NULL,
    done_at                       BIGINT           NOT NULL,
    note                          NVARCHAR(2000)   NOT NULL,
    PRIMARY KEY (subject_type, subject_id, step)
);
