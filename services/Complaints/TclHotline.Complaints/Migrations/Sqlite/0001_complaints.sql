-- Complaints (rule 20), their history, and the local facts system-raised complaints (rule 21) and the
-- engineer quality record (rule 22) are built from. Instants are UTC Unix milliseconds, ids text GUIDs.
CREATE TABLE complaints (
    id                  TEXT    NOT NULL PRIMARY KEY,
    number              TEXT    NOT NULL UNIQUE,
    branch_code         TEXT    NOT NULL,
    category            TEXT    NOT NULL,
    source              TEXT    NOT NULL,
    customer_name       TEXT    NOT NULL,
    customer_phone      TEXT    NOT NULL,
    order_id            TEXT    NULL,
    order_number        TEXT    NULL,
    serial_number       TEXT    NULL,
    engineer_id         TEXT    NULL,
    description         TEXT    NOT NULL,
    filed_by            TEXT    NOT NULL,
    filed_at            INTEGER NOT NULL,
    status              TEXT    NOT NULL,
    level               INTEGER NOT NULL,
    owner               TEXT    NOT NULL,
    deadlines_set       INTEGER NOT NULL,
    acknowledged_at     INTEGER NULL,
    resolution_text     TEXT    NULL,
    compensation        TEXT    NULL,
    resolved_by         TEXT    NULL,
    resolved_at         INTEGER NULL,
    satisfaction_score  INTEGER NULL,
    closed_at           INTEGER NULL
);
CREATE INDEX ix_complaints_list ON complaints (branch_code, filed_at, id);
CREATE INDEX ix_complaints_order ON complaints (order_id);
CREATE INDEX ix_complaints_engineer ON complaints (engineer_id);
-- Rule 21: one system-raised complaint per cause per order, even under concurrent breaches or calls.
CREATE UNIQUE INDEX uq_complaints_order_cause ON complaints (order_id, source) WHERE source <> 'Agent' AND order_id IS NOT NULL;

-- The deadlines still running with the SLA timer, by their SLA subject.
CREATE TABLE complaint_pending_deadlines (
    subject_id    TEXT    NOT NULL PRIMARY KEY,
    complaint_id  TEXT    NOT NULL REFERENCES complaints (id),
    kind          TEXT    NOT NULL,
    starts_at     INTEGER NOT NULL,
    due_at        INTEGER NOT NULL
);
CREATE INDEX ix_complaint_pending_deadlines_complaint ON complaint_pending_deadlines (complaint_id);

CREATE TABLE complaint_escalations (
    complaint_id  TEXT    NOT NULL REFERENCES complaints (id),
    position      INTEGER NOT NULL,
    from_level    INTEGER NOT NULL,
    to_level      INTEGER NOT NULL,
    owner         TEXT    NOT NULL,
    trigger_kind  TEXT    NOT NULL,
    reason        TEXT    NOT NULL,
    escalated_by  TEXT    NOT NULL,
    escalated_at  INTEGER NOT NULL,
    PRIMARY KEY (complaint_id, position)
);

CREATE TABLE complaint_missed_deadlines (
    complaint_id  TEXT    NOT NULL REFERENCES complaints (id),
    position      INTEGER NOT NULL,
    kind          TEXT    NOT NULL,
    level         INTEGER NOT NULL,
    due_at        INTEGER NOT NULL,
    missed_at     INTEGER NOT NULL,
    PRIMARY KEY (complaint_id, position)
);

-- The breaches and repeat calls behind a system-raised complaint.
CREATE TABLE complaint_occurrences (
    complaint_id  TEXT    NOT NULL REFERENCES complaints (id),
    cause_id      TEXT    NOT NULL,
    source        TEXT    NOT NULL,
    note          TEXT    NOT NULL,
    occurred_at   INTEGER NOT NULL,
    PRIMARY KEY (complaint_id, cause_id)
);

CREATE TABLE complaint_reopenings (
    complaint_id  TEXT    NOT NULL REFERENCES complaints (id),
    position      INTEGER NOT NULL,
    reason        TEXT    NOT NULL,
    reopened_by   TEXT    NOT NULL,
    reopened_at   INTEGER NOT NULL,
    PRIMARY KEY (complaint_id, position)
);

-- From Intake's ServiceOrderOpened: what a system-raised complaint names, and which orders exist.
CREATE TABLE order_facts (
    order_id        TEXT    NOT NULL PRIMARY KEY,
    order_number    TEXT    NOT NULL,
    branch_code     TEXT    NOT NULL,
    customer_name   TEXT    NOT NULL,
    customer_phone  TEXT    NOT NULL,
    serial_number   TEXT    NOT NULL,
    registered_at   INTEGER NOT NULL
);

-- From Dispatch's EngineerAssigned: the engineer last assigned to an order.
CREATE TABLE order_engineers (
    order_id     TEXT    NOT NULL PRIMARY KEY,
    visit_id     TEXT    NOT NULL,
    engineer_id  TEXT    NOT NULL,
    assigned_at  INTEGER NOT NULL
);

-- From Intake's RepeatCallLinked: the customer chasing an open order (rule 21).
CREATE TABLE repeat_calls (
    repeat_call_id  TEXT    NOT NULL PRIMARY KEY,
    order_id        TEXT    NOT NULL,
    called_at       INTEGER NOT NULL
);
CREATE INDEX ix_repeat_calls_order ON repeat_calls (order_id, called_at);

-- From Dispatch's EngineerArrived: on time or late (rule 22).
CREATE TABLE engineer_arrivals (
    visit_id        TEXT    NOT NULL PRIMARY KEY,
    order_id        TEXT    NOT NULL,
    engineer_id     TEXT    NOT NULL,
    branch_code     TEXT    NOT NULL,
    arrived_at      INTEGER NOT NULL,
    commitment_due  INTEGER NOT NULL,
    on_time         INTEGER NOT NULL
);
CREATE INDEX ix_engineer_arrivals_engineer ON engineer_arrivals (engineer_id);

-- From Dispatch's VisitCompleted: the unit visited and whether it was repaired (repeat repairs, rule 22).
CREATE TABLE unit_visits (
    visit_id       TEXT    NOT NULL PRIMARY KEY,
    order_id       TEXT    NOT NULL,
    engineer_id    TEXT    NOT NULL,
    branch_code    TEXT    NOT NULL,
    serial_number  TEXT    NOT NULL,
    completed_at   INTEGER NOT NULL,
    repaired       INTEGER NOT NULL
);
CREATE INDEX ix_unit_visits_engineer ON unit_visits (engineer_id);
CREATE INDEX ix_unit_visits_serial ON unit_visits (serial_number, completed_at);
