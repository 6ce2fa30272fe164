-- Intake: customers (by phone), their units, calls, service orders, repeat calls, repair history.
-- Instants are UTC Unix milliseconds (BIGINT), ids UNIQUEIDENTIFIER, dates DATE, money DECIMAL(18,2).
CREATE TABLE customers (
    customer_id     UNIQUEIDENTIFIER    PRIMARY KEY,
    caller_number   NVARCHAR(100)    NOT NULL UNIQUE,
    name            NVARCHAR(400)    NOT NULL,
    province_code   NVARCHAR(100)    NOT NULL,
    city_code       NVARCHAR(100)    NOT NULL,
    district_code   NVARCHAR(100)    NOT NULL,
    street_address  NVARCHAR(400)    NULL,
    created_at      BIGINT NOT NULL,
    updated_at      BIGINT NOT NULL
);

CREATE TABLE units (
    serial_number              NVARCHAR(100)    PRIMARY KEY,
    product_model              NVARCHAR(100)    NULL,
    customer_id                UNIQUEIDENTIFIER    NULL REFERENCES customers (customer_id),
    production_date            DATE    NULL,
    purchase_date              DATE    NULL,
    invoice_number             NVARCHAR(100)    NULL,
    invoice_date               DATE    NULL,
    has_warranty_card          BIT NOT NULL DEFAULT 0,
    installation_date          DATE    NULL,
    installed_through_hotline  BIT NOT NULL DEFAULT 0,
    days_in_repair             INT NOT NULL DEFAULT 0,
    days_waiting_for_parts     INT NOT NULL DEFAULT 0,
    created_at                 BIGINT NOT NULL,
    updated_at                 BIGINT NOT NULL
);
CREATE INDEX ix_units_customer ON units (customer_id);

CREATE TABLE service_orders (
    order_id                    UNIQUEIDENTIFIER    PRIMARY KEY,
    order_number                NVARCHAR(100)    NOT NULL UNIQUE,
    order_type                  NVARCHAR(100)    NOT NULL,
    status                      NVARCHAR(100)    NOT NULL,
    branch_code                 NVARCHAR(100)    NOT NULL,
    branch_name                 NVARCHAR(400)    NOT NULL,
    province_code               NVARCHAR(100)    NOT NULL,
    city_code                   NVARCHAR(100)    NOT NULL,
    district_code               NVARCHAR(100)    NOT NULL,
    district_name               NVARCHAR(400)    NOT NULL,
    is_urban                    BIT NOT NULL,
    customer_id                 UNIQUEIDENTIFIER    NOT NULL REFERENCES customers (customer_id),
    customer_name               NVARCHAR(400)    NOT NULL,
    caller_number               NVARCHAR(100)    NOT NULL,
    street_address              NVARCHAR(400)    NULL,
    serial_number               NVARCHAR(100)    NULL,
    product_model               NVARCHAR(100)    NULL,
    fault_category              NVARCHAR(100)    NOT NULL,
    fault_description           NVARCHAR(MAX)    NULL,
    bracket_source              NVARCHAR(100)    NOT NULL,
    requested_visit_at          BIGINT NULL,
    call_id                     NVARCHAR(100)    NULL,
    agent_id                    NVARCHAR(100)    NOT NULL,
    in_warranty                 BIT NOT NULL,
    warranty_coverage           NVARCHAR(100)    NOT NULL,
    exchange_eligible           BIT NOT NULL,
    invoice_needs_verification  BIT NOT NULL,
    warranty_decision           NVARCHAR(MAX)    NOT NULL,
    fee_chargeable              BIT NOT NULL,
    fee_total                   DECIMAL(18,2) NOT NULL,
    fee_estimate                NVARCHAR(MAX)    NOT NULL,
    repeat_call_count           INT NOT NULL DEFAULT 0,
    engineer_id                 NVARCHAR(100)    NULL,
    registered_at               BIGINT NOT NULL,
    registered_on               DATE    NOT NULL,
    status_changed_at           BIGINT NOT NULL,
    cancel_reason               NVARCHAR(400)    NULL,
    cancelled_by                NVARCHAR(100)    NULL,
    cancelled_at                BIGINT NULL,
    completed_at                BIGINT NULL
);
CREATE INDEX ix_service_orders_branch ON service_orders (branch_code, registered_at);
CREATE INDEX ix_service_orders_registered ON service_orders (registered_at);
CREATE INDEX ix_service_orders_serial ON service_orders (serial_number, status);
CREATE INDEX ix_service_orders_caller ON service_orders (caller_number, status);

-- Fault reports of a unit, one per repair order: the third within the period makes it exchange eligible (rule 8).
CREATE TABLE unit_fault_reports (
    order_id        UNIQUEIDENTIFIER    PRIMARY KEY REFERENCES service_orders (order_id),
    serial_number   NVARCHAR(100)    NOT NULL,
    reported_on     DATE    NOT NULL,
    fault_category  NVARCHAR(100)    NOT NULL
);
CREATE INDEX ix_unit_fault_reports_serial ON unit_fault_reports (serial_number);

CREATE TABLE calls (
    call_record_id         UNIQUEIDENTIFIER    PRIMARY KEY,
    call_id                NVARCHAR(100)    NULL,
    caller_number          NVARCHAR(100)    NOT NULL,
    customer_id            UNIQUEIDENTIFIER    NOT NULL REFERENCES customers (customer_id),
    agent_id               NVARCHAR(100)    NOT NULL,
    called_at              BIGINT NOT NULL,
    order_type             NVARCHAR(100)    NOT NULL,
    order_id               UNIQUEIDENTIFIER    NULL REFERENCES service_orders (order_id),
    repeat_call            BIT NOT NULL DEFAULT 0,
    complaint_category     NVARCHAR(100)    NULL,
    complaint_description  NVARCHAR(MAX)    NULL
);
CREATE INDEX ix_calls_caller ON calls (caller_number, called_at);

CREATE TABLE repeat_calls (
    call_record_id  UNIQUEIDENTIFIER    PRIMARY KEY REFERENCES calls (call_record_id),
    order_id        UNIQUEIDENTIFIER    NOT NULL REFERENCES service_orders (order_id),
    repeat_number   INT NOT NULL,
    called_at       BIGINT NOT NULL
);
CREATE INDEX ix_repeat_calls_order ON repeat_calls (order_id);

-- From VisitCompleted: the repairs of a unit, whose days extend its period (rule 5) or give an exchange (rule 9).
CREATE TABLE repair_history (
    visit_id                UNIQUEIDENTIFIER    PRIMARY KEY,
    order_id                UNIQUEIDENTIFIER    NOT NULL,
    serial_number           NVARCHAR(100)    NOT NULL,
    engineer_id             NVARCHAR(100)    NOT NULL,
    started_on              DATE    NOT NULL,
    completed_at            BIGINT NOT NULL,
    repaired                BIT NOT NULL,
    customer_declined       BIT NOT NULL,
    fault_found             NVARCHAR(MAX)    NOT NULL,
    parts_replaced          NVARCHAR(MAX)    NOT NULL,
    main_part_involved      BIT NOT NULL,
    fee_charged             DECIMAL(18,2) NOT NULL,
    days_in_repair          INT NOT NULL,
    days_waiting_for_parts  INT NOT NULL
);
CREATE INDEX ix_repair_history_serial ON repair_history (serial_number);

-- Order numbers count per branch-calendar day: SO20261127-000123.
CREATE TABLE order_number_sequences (
    day         DATE    PRIMARY KEY,
    last_value  INT NOT NULL
);
