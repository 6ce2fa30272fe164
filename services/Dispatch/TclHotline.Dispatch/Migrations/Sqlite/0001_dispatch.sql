-- Dispatch: the service network, the orders it must serve, their commitments, visits and escalations.
-- Instants are UTC Unix milliseconds (INTEGER); skills, shifts and visit durations are JSON text.
CREATE TABLE branches (
    code              TEXT    NOT NULL PRIMARY KEY,
    name              TEXT    NOT NULL,
    time_zone_id      TEXT    NOT NULL,
    service_director  TEXT    NOT NULL,
    areas             TEXT    NOT NULL
);

CREATE TABLE outlets (
    outlet_id      TEXT NOT NULL PRIMARY KEY,
    branch_code    TEXT NOT NULL REFERENCES branches (code),
    name           TEXT NOT NULL,
    kind           TEXT NOT NULL,
    provider_name  TEXT NULL
);

CREATE TABLE outlet_coverage (
    outlet_id       TEXT    NOT NULL REFERENCES outlets (outlet_id),
    district_code   TEXT    NOT NULL,
    travel_minutes  INTEGER NOT NULL,
    distance_km     TEXT    NOT NULL,
    PRIMARY KEY (outlet_id, district_code)
);

CREATE TABLE engineers (
    engineer_id     TEXT    NOT NULL PRIMARY KEY,
    name            TEXT    NOT NULL,
    outlet_id       TEXT    NOT NULL REFERENCES outlets (outlet_id),
    skills          TEXT    NOT NULL,
    shifts          TEXT    NOT NULL,
    visit_minutes   TEXT    NOT NULL,
    daily_capacity  INTEGER NOT NULL,
    active          INTEGER NOT NULL
);

CREATE TABLE dispatch_orders (
    order_id            TEXT    NOT NULL PRIMARY KEY,
    order_number        TEXT    NOT NULL,
    branch_code         TEXT    NOT NULL,
    district_code       TEXT    NOT NULL,
    order_type          TEXT    NOT NULL,
    fault_category      TEXT    NOT NULL,
    is_urban            INTEGER NOT NULL,
    registered_at       INTEGER NOT NULL,
    requested_visit_at  INTEGER NULL,
    status              TEXT    NOT NULL,
    warned              INTEGER NOT NULL DEFAULT 0,
    escalated           INTEGER NOT NULL DEFAULT 0,
    updated_at          INTEGER NOT NULL
);
CREATE INDEX ix_dispatch_orders_branch ON dispatch_orders (branch_code, status);

CREATE TABLE commitments (
    order_id         TEXT    NOT NULL PRIMARY KEY REFERENCES dispatch_orders (order_id),
    starts_at        INTEGER NOT NULL,
    due_at           INTEGER NOT NULL,
    basis            TEXT    NOT NULL,
    reason_rule      TEXT    NOT NULL,
    not_before       INTEGER NULL,
    original_due_at  INTEGER NULL,
    state            TEXT    NOT NULL,
    decided_at       INTEGER NULL
);
CREATE INDEX ix_commitments_decided ON commitments (decided_at);

CREATE TABLE visits (
    visit_id            TEXT    NOT NULL PRIMARY KEY,
    order_id            TEXT    NOT NULL REFERENCES dispatch_orders (order_id),
    engineer_id         TEXT    NOT NULL,
    engineer_name       TEXT    NOT NULL,
    outlet_id           TEXT    NOT NULL,
    planned_arrival     INTEGER NOT NULL,
    duration_minutes    INTEGER NOT NULL,
    travel_minutes      INTEGER NOT NULL,
    distance_km         TEXT    NOT NULL,
    status              TEXT    NOT NULL,
    assigned_by         TEXT    NOT NULL,
    assigned_at         INTEGER NOT NULL,
    accepted_at         INTEGER NULL,
    en_route_at         INTEGER NULL,
    expected_arrival    INTEGER NULL,
    arrived_at          INTEGER NULL,
    completed_at        INTEGER NULL,
    customer_absent_at  INTEGER NULL,
    fault_found         TEXT    NULL,
    repaired            INTEGER NULL
);
CREATE INDEX ix_visits_order ON visits (order_id);
CREATE INDEX ix_visits_engineer ON visits (engineer_id, status);

CREATE TABLE escalations (
    escalation_id     TEXT    NOT NULL PRIMARY KEY,
    order_id          TEXT    NOT NULL REFERENCES dispatch_orders (order_id),
    service_director  TEXT    NOT NULL,
    reason            TEXT    NOT NULL,
    escalated_at      INTEGER NOT NULL
);
CREATE INDEX ix_escalations_order ON escalations (order_id);
