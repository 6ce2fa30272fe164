-- Dispatch: the service network, the orders it must serve, their commitments, visits and escalations.
-- Instants are UTC Unix milliseconds (BIGINT); skills, shifts and visit durations are JSON text.
CREATE TABLE branches (
    code              NVARCHAR(32)  NOT NULL PRIMARY KEY,
    name              NVARCHAR(200) NOT NULL,
    time_zone_id      NVARCHAR(64)  NOT NULL,
    service_director  NVARCHAR(200) NOT NULL,
    areas             NVARCHAR(400) NOT NULL
);

CREATE TABLE outlets (
    outlet_id      NVARCHAR(64)  NOT NULL PRIMARY KEY,
    branch_code    NVARCHAR(32)  NOT NULL REFERENCES branches (code),
    name           NVARCHAR(200) NOT NULL,
    kind           NVARCHAR(32)  NOT NULL,
    provider_name  NVARCHAR(200) NULL
);

CREATE TABLE outlet_coverage (
    outlet_id       NVARCHAR(64)  NOT NULL REFERENCES outlets (outlet_id),
    district_code   NVARCHAR(6)   NOT NULL,
    travel_minutes  INT           NOT NULL,
    distance_km     DECIMAL(18,2) NOT NULL,
    PRIMARY KEY (outlet_id, district_code)
);

CREATE TABLE engineers (
    engineer_id     NVARCHAR(64)  NOT NULL PRIMARY KEY,
    name            NVARCHAR(200) NOT NULL,
    outlet_id       NVARCHAR(64)  NOT NULL REFERENCES outlets (outlet_id),
    skills          NVARCHAR(MAX) NOT NULL,
    shifts          NVARCHAR(MAX) NOT NULL,
    visit_minutes   NVARCHAR(MAX) NOT NULL,
    daily_capacity  INT           NOT NULL,
    active          BIT           NOT NULL
);

CREATE TABLE dispatch_orders (
    order_id            UNIQUEIDENTIFIER NOT NULL PRIMARY KEY,
    order_number        NVARCHAR(64)     NOT NULL,
    branch_code         NVARCHAR(32)     NOT NULL,
    district_code       NVARCHAR(6)      NOT NULL,
    order_type          NVARCHAR(32)     NOT NULL,
    fault_category      NVARCHAR(64)     NOT NULL,
    is_urban            BIT              NOT NULL,
    registered_at       BIGINT           NOT NULL,
    requested_visit_at  BIGINT           NULL,
    status              NVARCHAR(32)     NOT NULL,
    warned              BIT              NOT NULL DEFAULT 0,
    escalated           BIT              NOT NULL DEFAULT 0,
    updated_at          BIGINT           NOT NULL
);
CREATE INDEX ix_dispatch_orders_branch ON dispatch_orders (branch_code, status);

CREATE TABLE commitments (
    order_id         UNIQUEIDENTIFIER NOT NULL PRIMARY KEY REFERENCES dispatch_orders (order_id),
    starts_at        BIGINT           NOT NULL,
    due_at           BIGINT           NOT NULL,
    basis            NVARCHAR(32)     NOT NULL,
    reason_rule      NVARCHAR(400)    NOT NULL,
    not_before       BIGINT           NULL,
    original_due_at  BIGINT           NULL,
    state            NVARCHAR(32)     NOT NULL,
    decided_at       BIGINT           NULL
);
CREATE INDEX ix_commitments_decided ON commitments (decided_at);

CREATE TABLE visits (
    visit_id            UNIQUEIDENTIFIER NOT NULL PRIMARY KEY,
    order_id            UNIQUEIDENTIFIER NOT NULL REFERENCES dispatch_orders (order_id),
    engineer_id         NVARCHAR(64)     NOT NULL,
    engineer_name       NVARCHAR(200)    NOT NULL,
    outlet_id           NVARCHAR(64)     NOT NULL,
    planned_arrival     BIGINT           NOT NULL,
    duration_minutes    INT              NOT NULL,
    travel_minutes      INT              NOT NULL,
    distance_km         DECIMAL(18,2)    NOT NULL,
    status              NVARCHAR(32)     NOT NULL,
    assigned_by         NVARCHAR(32)     NOT NULL,
    assigned_at         BIGINT           NOT NULL,
    accepted_at         BIGINT           NULL,
    en_route_at         BIGINT           NULL,
    expected_arrival    BIGINT           NULL,
    arrived_at          BIGINT           NULL,
    completed_at        BIGINT           NULL,
    customer_absent_at  BIGINT           NULL,
    fault_found         NVARCHAR(1000)   NULL,
    repaired            BIT              NULL
);
CREATE INDEX ix_visits_order ON visits (order_id);
CREATE INDEX ix_visits_engineer ON visits (engineer_id, status);

CREATE TABLE escalations (
    escalation_id     UNIQUEIDENTIFIER NOT NULL PRIMARY KEY,
    order_id          UNIQUEIDENTIFIER NOT NULL REFERENCES dispatch_orders (order_id),
    service_director  NVARCHAR(200)    NOT NULL,
    reason            NVARCHAR(1000)   NOT NULL,
    escalated_at      BIGINT           NOT NULL
);
CREATE INDEX ix_escalations_order ON escalations (order_id);
