-- Complaints (rule 20), their history, and the local facts system-raised complaints (rule 21) and the
-- engineer quality record (rule 22) are built from. Instants are UTC Unix milliseconds, ids GUIDs.
CREATE TABLE complaints (
    id                  UNIQUEIDENTIFIER NOT NULL CONSTRAINT pk_complaints PRIMARY KEY,
    number              NVARCHAR(40)     NOT NULL CONSTRAINT uq_complaints_number UNIQUE,
    branch_code         NVARCHAR(20)     NOT NULL,
    category            NVARCHAR(40)     NOT NULL,
    source              NVARCHAR(40)     NOT NULL,
    customer_name       NVARCHAR(200)    NOT NULL,
    customer_phone      NVARCHAR(40)     NOT NULL,
    order_id            UNIQUEIDENTIFIER NULL,
    order_number        NVARCHAR(40)     NULL,
    serial_number       NVARCHAR(60)     NULL,
    engineer_id         NVARCHAR(60)     NULL,
    description         NVARCHAR(4000)   NOT NULL,
    filed_by            NVARCHAR(100)    NOT NULL,
    filed_at            BIGINT           NOT NULL,
    status              NVARCHAR(20)     NOT NULL,
    level               INT              NOT NULL,
    owner               NVARCHAR(200)    NOT NULL,
    deadlines_set       INT              NOT NULL,
    acknowledged_at     BIGINT           NULL,
    resolution_text     NVARCHAR(4000)   NULL,
    compensation        DECIMAL(18,2)    NULL,
    resolved_by         NVARCHAR(100)    NULL,
    resolved_at         BIGINT           NULL,
    satisfaction_score  INT              NULL,
    closed_at           BIGINT           NULL
);
CREATE INDEX ix_complaints_list ON complaints (branch_code, filed_at, id);
CREATE INDEX ix_complaints_order ON complaints (order_id);
CREATE INDEX ix_complaints_engineer ON complaints (engineer_id);
-- Rule 21: one system-raised complaint per cause per order, even under concurrent breaches or calls.
CREATE UNIQUE INDEX uq_complaints_order_cause ON complaints (order_id, source) WHERE source <> N'Agent' AND order_id IS NOT NULL;

-- The deadlines still running with the SLA timer, by their SLA subject.
CREATE TABLE complaint_pending_deadlines (
    subject_id    NVARCHAR(100)    NOT NULL CONSTRAINT pk_complaint_pending_deadlines PRIMARY KEY,
    complaint_id  UNIQUEIDENTIFIER NOT NULL CONSTRAINT fk_complaint_pending_deadlines_complaint REFERENCES complaints (id),
    kind          NVARCHAR(20)     NOT NULL,
    starts_at     BIGINT           NOT NULL,
    due_at        BIGINT           NOT NULL
);
CREATE INDEX ix_complaint_pending_deadlines_complaint ON complaint_pending_deadlines (complaint_id);

CREATE TABLE complaint_escalations (
    complaint_id  UNIQUEIDENTIFIER NOT NULL CONSTRAINT fk_complaint_escalations_complaint REFERENCES complaints (id),
    position      INT              NOT NULL,
    from_level    INT              NOT NULL,
    to_level      INT              NOT NULL,
    owner         NVARCHAR(200)    NOT NULL,
    trigger_kind  NVARCHAR(40)     NOT NULL,
    reason        NVARCHAR(1000)   NOT NULL,
    escalated_by  NVARCHAR(100)    NOT NULL,
    escalated_at  BIGINT           NOT NULL,
    CONSTRAINT pk_complaint_escalations PRIMARY KEY (complaint_id, position)
);

CREATE TABLE complaint_missed_deadlines (
    complaint_id  UNIQUEIDENTIFIER NOT NULL CONSTRAINT fk_complaint_missed_deadlines_complaint REFERENCES complaints (id),
    position      INT              NOT NULL,
    kind          NVARCHAR(20)     NOT NULL,
    level         INT              NOT NULL,
    due_at        BIGINT           NOT NULL,
    missed_at     BIGINT           NOT NULL,
    CONSTRAINT pk_complaint_missed_deadlines PRIMARY KEY (complaint_id, position)
);

-- The breaches and repeat calls behind a system-raised complaint.
CREATE TABLE complaint_occurrences (
    complaint_id  UNIQUEIDENTIFIER NOT NULL CONSTRAINT fk_complaint_occurrences_complaint REFERENCES complaints (id),
    cause_id      NVARCHAR(100)    NOT NULL,
    source        NVARCHAR(40)     NOT NULL,
    note          NVARCHAR(1000)   NOT NULL,
    occurred_at   BIGINT           NOT NULL,
    CONSTRAINT pk_complaint_occurrences PRIMARY KEY (complaint_id, cause_id)
);

CREATE TABLE complaint_reopenings (
    complaint_id  UNIQUEIDENTIFIER NOT NULL CONSTRAINT fk_complaint_reopenings_complaint REFERENCES complaints (id),
    position      INT              NOT NULL,
    reason        NVARCHAR(1000)   NOT NULL,
    reopened_by   NVARCHAR(100)    NOT NULL,
    reopened_at   BIGINT           NOT NULL,
    CONSTRAINT pk_complaint_reopenings PRIMARY KEY (complaint_id, position)
);

-- From Intake's ServiceOrderOpened: what a system-raised complaint names, and which orders exist.
CREATE TABLE order_facts (
    order_id        UNIQUEIDENTIFIER NOT NULL CONSTRAINT pk_order_facts PRIMARY KEY,
    order_number    NVARCHAR(40)     NOT NULL,
    branch_code     NVARCHAR(20)     NOT NULL,
    customer_name   NVARCHAR(200)    NOT NULL,
    customer_phone  NVARCHAR(40)     NOT NULL,
    serial_number   NVARCHAR(60)     NOT NULL,
    registered_at   BIGINT           NOT NULL
);

-- From Dispatch's EngineerAssigned: the engineer last assigned to an order.
CREATE TABLE order_engineers (
    order_id     UNIQUEIDENTIFIER NOT NULL CONSTRAINT pk_order_engineers PRIMARY KEY,
    visit_id     UNIQUEIDENTIFIER NOT NULL,
    engineer_id  NVARCHAR(60)     NOT NULL,
    assigned_at  BIGINT           NOT NULL
);

-- From Intake's RepeatCallLinked: the customer chasing an open order (rule 21).
CREATE TABLE repeat_calls (
    repeat_call_id  UNIQUEIDENTIFIER NOT NULL CONSTRAINT pk_repeat_calls PRIMARY KEY,
    order_id        UNIQUEIDENTIFIER NOT NULL,
    called_at       BIGINT           NOT NULL
);
CREATE INDEX ix_repeat_calls_order ON repeat_calls (order_id, called_at);

-- From Dispatch's EngineerArrived: on time or late (rule 22).
CREATE TABLE engineer_arrivals (
    visit_id        UNIQUEIDENTIFIER NOT NULL CONSTRAINT pk_engineer_arrivals PRIMARY KEY,
    order_id        UNIQUEIDENTIFIER NOT NULL,
    engineer_id     NVARCHAR(60)     NOT NULL,
    branch_code     NVARCHAR(20)     NOT NULL,
    arrived_at      BIGINT           NOT NULL,
    commitment_due  BIGINT           NOT NULL,
    on_time         BIT              NOT NULL
);
CREATE INDEX ix_engineer_arrivals_engineer ON engineer_arrivals (engineer_id);

-- From Dispatch's VisitCompleted: the unit visited and whether it was repaired (repeat repairs, rule 22).
CREATE TABLE unit_visits (
    visit_id       UNIQUEIDENTIFIER NOT NULL CONSTRAINT pk_unit_visits PRIMARY KEY,
    order_id       UNIQUEIDENTIFIER NOT NULL,
    engineer_id    NVARCHAR(60)     NOT NULL,
    branch_code    NVARCHAR(20)     NOT NULL,
    serial_number  NVARCHAR(60)     NOT NULL,
    completed_at   BIGINT           NOT NULL,
    repaired       BIT              NOT NULL
);
CREATE INDEX ix_unit_visits_engineer ON unit_visits (engineer_id);
CREATE INDEX ix_unit_visits_serial ON unit_visits (serial_number, completed_at);
