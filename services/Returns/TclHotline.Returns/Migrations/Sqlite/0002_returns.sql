-- Dealer stock, pre-sale damage, merchant returns, scrap and panel exchanges, and the order facts learnt from
-- the bus. Instants are UTC Unix milliseconds, dates 'yyyy-MM-dd' in the branch's calendar, ids text GUIDs,
-- money decimal text.

-- Units delivered to dealers (rule 23), one row per serial.
CREATE TABLE dealer_units (
    serial_number      TEXT    NOT NULL PRIMARY KEY,
    product_model      TEXT    NOT NULL,
    dealer_code        TEXT    NOT NULL,
    branch_code        TEXT    NOT NULL,
    delivered_on       TEXT    NOT NULL,
    status             TEXT    NOT NULL,
    status_changed_at  INTEGER NULL,
    recorded_by        TEXT    NOT NULL,
    recorded_at        INTEGER NOT NULL
);
CREATE INDEX ix_dealer_units_branch ON dealer_units (branch_code, status, delivered_on);
CREATE INDEX ix_dealer_units_dealer ON dealer_units (dealer_code, serial_number);

-- Rule 18: units of dealer stock found damaged or faulty, and their opening inspection (开箱).
CREATE TABLE pre_sale_reports (
    id                  TEXT    NOT NULL PRIMARY KEY,
    branch_code         TEXT    NOT NULL,
    dealer_code         TEXT    NOT NULL,
    serial_number       TEXT    NOT NULL,
    product_model       TEXT    NOT NULL,
    finding             TEXT    NOT NULL,
    description         TEXT    NOT NULL,
    reported_by         TEXT    NOT NULL,
    reported_at         INTEGER NOT NULL,
    reported_on         TEXT    NOT NULL,
    order_id            TEXT    NULL,
    order_number        TEXT    NULL,
    attribution         TEXT    NULL,
    cost_bearer         TEXT    NULL,
    evidence_photo_ids  TEXT    NULL,
    inspection_note     TEXT    NULL,
    inspected_by        TEXT    NULL,
    inspected_at        INTEGER NULL
);
CREATE INDEX ix_pre_sale_reports_month ON pre_sale_reports (branch_code, reported_on);
CREATE INDEX ix_pre_sale_reports_serial ON pre_sale_reports (serial_number);

CREATE TABLE attribution_changes (
    id                TEXT    NOT NULL PRIMARY KEY,
    report_id         TEXT    NOT NULL REFERENCES pre_sale_reports (id),
    from_attribution  TEXT    NOT NULL,
    to_attribution    TEXT    NOT NULL,
    reason            TEXT    NOT NULL,
    changed_by        TEXT    NOT NULL,
    changed_at        INTEGER NOT NULL
);
CREATE INDEX ix_attribution_changes_report ON attribution_changes (report_id, changed_at);

-- What the other services said about service orders (no reads of their databases): rule 9 (slow repairs,
-- for service-class merchant returns) and rule 12 (suspicious invoices, by the dealer who sold the unit).
-- An order's events arrive on different queues in any order: the first creates the row, each fills its columns.
CREATE TABLE order_facts (
    order_id                  TEXT    NOT NULL PRIMARY KEY,
    order_number              TEXT    NULL,
    order_type                TEXT    NULL,
    branch_code               TEXT    NULL,
    serial_number             TEXT    NULL,
    registered_at             INTEGER NULL,
    completed_at              INTEGER NULL,
    days_in_repair            INTEGER NULL,
    days_waiting_for_parts    INTEGER NULL,
    cancelled_at              INTEGER NULL,
    slow_repair_decided_at    INTEGER NULL,
    invoice_flagged_at        INTEGER NULL,
    invoice_verified_at       INTEGER NULL,
    chargeable_after_verification INTEGER NULL
);
CREATE UNIQUE INDEX uq_order_facts_number ON order_facts (order_number) WHERE order_number IS NOT NULL;
CREATE INDEX ix_order_facts_serial ON order_facts (serial_number);
CREATE INDEX ix_order_facts_invoice ON order_facts (branch_code, invoice_flagged_at);

-- Rule 19: merchant returns (商返机) and, for the service class, the slow orders they name.
CREATE TABLE merchant_returns (
    id              TEXT    NOT NULL PRIMARY KEY,
    branch_code     TEXT    NOT NULL,
    dealer_code     TEXT    NOT NULL,
    serial_number   TEXT    NOT NULL,
    product_model   TEXT    NOT NULL,
    reason          TEXT    NOT NULL,
    return_class    TEXT    NOT NULL,
    note            TEXT    NOT NULL,
    registered_by   TEXT    NOT NULL,
    registered_at   INTEGER NOT NULL,
    registered_on   TEXT    NOT NULL
);
CREATE INDEX ix_merchant_returns_month ON merchant_returns (branch_code, registered_on);

CREATE TABLE merchant_return_slow_orders (
    return_id       TEXT    NOT NULL REFERENCES merchant_returns (id),
    order_id        TEXT    NOT NULL,
    order_number    TEXT    NOT NULL,
    slow_by         TEXT    NOT NULL,
    days            INTEGER NOT NULL,
    threshold_days  INTEGER NOT NULL,
    PRIMARY KEY (return_id, order_id)
);

-- Rule 24: whole-unit scrap (整机报废).
CREATE TABLE scraps (
    id              TEXT    NOT NULL PRIMARY KEY,
    branch_code     TEXT    NOT NULL,
    serial_number   TEXT    NOT NULL,
    product_model   TEXT    NOT NULL,
    reason          TEXT    NOT NULL,
    step            TEXT    NOT NULL
);
CREATE INDEX ix_scraps_serial ON scraps (serial_number);

-- Rule 17: the exchange offered on an order whose panel can be neither repaired nor supplied.
CREATE TABLE panel_exchanges (
    order_id              TEXT    NOT NULL PRIMARY KEY,
    order_number          TEXT    NOT NULL,
    branch_code           TEXT    NOT NULL,
    serial_number         TEXT    NOT NULL,
    offers                TEXT    NOT NULL,
    offered_at            INTEGER NOT NULL,
    choice                TEXT    NULL,
    purchase_price        TEXT    NULL,
    purchased_on          TEXT    NULL,
    age_months            INTEGER NULL,
    depreciation_percent  TEXT    NULL,
    depreciated_value     TEXT    NULL,
    new_model             TEXT    NULL,
    new_model_price       TEXT    NULL,
    top_up                TEXT    NULL,
    step                  TEXT    NOT NULL
);

-- The steps of a scrap or an exchange: who did each, when. A step is done once.
CREATE TABLE process_steps (
    subject_type  TEXT    NOT NULL,
    subject_id    TEXT    NOT NULL,
    step          TEXT    NOT NULL,
    done_by       TEXT    NOT NULL,
    done_at       INTEGER NOT NULL,
    note          TEXT    NOT NULL,
    PRIMARY KEY (subject_type, subject_id, step)
);
