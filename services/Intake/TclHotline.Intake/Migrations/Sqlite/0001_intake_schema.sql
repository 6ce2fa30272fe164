-- Intake: customers (by phone), their units, calls, service orders, repeat calls, repair history.
-- Instants are UTC Unix milliseconds (INTEGER), ids text GUIDs, dates 'yyyy-MM-dd', money NUMERIC text.
CREATE TABLE customers (
    customer_id     TEXT    PRIMARY KEY,
    caller_number   TEXT    NOT NULL UNIQUE,
    name            TEXT    NOT NULL,
    province_code   TEXT    NOT NULL,
    city_code       TEXT    NOT NULL,
    district_code   TEXT    NOT NULL,
    street_address  TEXT    NULL,
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL
);

CREATE TABLE units (
    serial_number              TEXT    PRIMARY KEY,
    product_model              TEXT    NULL,
    customer_id                TEXT    NULL REFERENCES customers (customer_id),
    production_date            TEXT    NULL,
    purchase_date              TEXT    NULL,
    invoice_number             TEXT    NULL,
    invoice_date               TEXT    NULL,
    has_warranty_card          INTEGER NOT NULL DEFAULT 0,
    installation_date          TEXT    NULL,
    installed_through_hotline  INTEGER NOT NULL DEFAULT 0,
    days_in_repair             INTEGER NOT NULL DEFAULT 0,
    days_waiting_for_parts     INTEGER NOT NULL DEFAULT 0,
    created_at                 INTEGER NOT NULL,
    updated_at                 INTEGER NOT NULL
);
CREATE INDEX ix_units_customer ON units (customer_id);

CREATE TABLE service_orders (
    order_id                    TEXT    PRIMARY KEY,
    order_number                TEXT    NOT NULL UNIQUE,
    order_type                  TEXT    NOT NULL,
    status                      TEXT    NOT NULL,
    branch_code                 TEXT    NOT NULL,
    branch_name                 TEXT    NOT NULL,
    province_code               TEXT    NOT NULL,
    city_code                   TEXT    NOT NULL,
    district_code               TEXT    NOT NULL,
    district_name               TEXT    NOT NULL,
    is_urban                    INTEGER NOT NULL,
    customer_id                 TEXT    NOT NULL REFERENCES customers (customer_id),
    customer_name               TEXT    NOT NULL,
    caller_number               TEXT    NOT NULL,
    street_address              TEXT    NULL,
    serial_number               TEXT    NULL,
    product_model               TEXT    NULL,
    fault_category              TEXT    NOT NULL,
    fault_description           TEXT    NULL,
    bracket_source              TEXT    NOT NULL,
    requested_visit_at          INTEGER NULL,
    call_id                     TEXT    NULL,
    agent_id                    TEXT    NOT NULL,
    in_warranty                 INTEGER NOT NULL,
    warranty_coverage           TEXT    NOT NULL,
    exchange_eligible           INTEGER NOT NULL,
    invoice_needs_verification  INTEGER NOT NULL,
    warranty_decision           TEXT    NOT NULL,
    fee_chargeable              INTEGER NOT NULL,
    fee_total                   NUMERIC NOT NULL,
    fee_estimate                TEXT    NOT NULL,
    repeat_call_count           INTEGER NOT NULL DEFAULT 0,
    engineer_id                 TEXT    NULL,
    registered_at               INTEGER NOT NULL,
    registered_on               TEXT    NOT NULL,
    status_changed_at           INTEGER NOT NULL,
    cancel_reason               TEXT    NULL,
    cancelled_by                TEXT    NULL,
    cancelled_at                INTEGER NULL,
    completed_at                INTEGER NULL
);
CREATE INDEX ix_service_orders_branch ON service_orders (branch_code, registered_at);
CREATE INDEX ix_service_orders_registered ON service_orders (registered_at);
CREATE INDEX ix_service_orders_serial ON service_orders (serial_number, status);
CREATE INDEX ix_service_orders_caller ON service_orders (caller_number, status);

-- Fault reports of a unit, one per repair order: the third within the period makes it exchange eligible (rule 8).
CREATE TABLE unit_fault_reports (
    order_id        TEXT    PRIMARY KEY REFERENCES service_orders (order_id),
    serial_number   TEXT    NOT NULL,
    reported_on     TEXT    NOT NULL,
    fault_category  TEXT    NOT NULL
);
CREATE INDEX ix_unit_fault_reports_serial ON unit_fault_reports (serial_number);

CREATE TABLE calls (
    call_record_id         TEXT    PRIMARY KEY,
    call_id                TEXT    NULL,
    caller_number          TEXT    NOT NULL,
    customer_id            TEXT    NOT NULL REFERENCES customers (customer_id),
    agent_id               TEXT    NOT NULL,
    called_at              INTEGER NOT NULL,
    order_type             TEXT    NOT NULL,
    order_id               TEXT    NULL REFERENCES service_orders (order_id),
    repeat_call            INTEGER NOT NULL DEFAULT 0,
    complaint_category     TEXT    NULL,
    complaint_description  TEXT    NULL
);
CREATE INDEX ix_calls_caller ON calls (caller_number, called_at);

CREATE TABLE repeat_calls (
    call_record_id  TEXT    PRIMARY KEY REFERENCES calls (call_record_id),
    order_id        TEXT    NOT NULL REFERENCES service_orders (order_id),
    repeat_number   INTEGER NOT NULL,
    called_at       INTEGER NOT NULL
);
CREATE INDEX ix_repeat_calls_order ON repeat_calls (order_id);

-- From VisitCompleted: the repairs of a unit, whose days extend its period (rule 5) or give an exchange (rule 9).
CREATE TABLE repair_history (
    visit_id                TEXT    PRIMARY KEY,
    order_id                TEXT    NOT NULL,
    serial_number           TEXT    NOT NULL,
    engineer_id             TEXT    NOT NULL,
    started_on              TEXT    NOT NULL,
    completed_at            INTEGER NOT NULL,
    repaired                INTEGER NOT NULL,
    customer_declined       INTEGER NOT NULL,
    fault_found             TEXT    NOT NULL,
    parts_replaced          TEXT    NOT NULL,
    main_part_involved      INTEGER NOT NULL,
    fee_charged             NUMERIC NOT NULL,
    days_in_repair          INTEGER NOT NULL,
    days_waiting_for_parts  INTEGER NOT NULL
);
CREATE INDEX ix_repair_history_serial ON repair_history (serial_number);

-- Order numbers count per branch-calendar day: SO20261127-000123.
CREATE TABLE order_number_sequences (
    day         TEXT    PRIMARY KEY,
    last_value  INTEGER NOT NULL
);
