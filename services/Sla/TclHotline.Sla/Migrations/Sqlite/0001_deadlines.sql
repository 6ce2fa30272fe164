-- One row per deadline, keyed by the owner's subject and the kind of promise.
-- Instants are UTC Unix milliseconds; spans are milliseconds.
CREATE TABLE deadlines (
    owner             TEXT    NOT NULL,
    subject_id        TEXT    NOT NULL,
    kind              TEXT    NOT NULL,
    branch_code       TEXT    NULL,
    starts_at         INTEGER NULL,
    due_at            INTEGER NULL,
    set_at            INTEGER NULL,
    due_set_at        INTEGER NULL,
    move_cause        TEXT    NULL,
    state             TEXT    NOT NULL,
    paused_at         INTEGER NULL,
    paused_span_ms    INTEGER NOT NULL DEFAULT 0,
    last_resumed_at   INTEGER NULL,
    early_resumed_at  INTEGER NULL,
    warned_fraction   REAL    NOT NULL DEFAULT 0,
    next_fire_at      INTEGER NULL,
    breached_at       INTEGER NULL,
    met_at            INTEGER NULL,
    lateness_ms       INTEGER NULL,
    cancelled_at      INTEGER NULL,
    version           INTEGER NOT NULL,
    -- The scanner instance holding the row and until when; another takes it over after the lease.
    claimed_by        TEXT    NULL,
    claimed_until     INTEGER NULL,
    CONSTRAINT pk_deadlines PRIMARY KEY (owner, subject_id, kind)
);

-- The scanner's work list: only rows with something left to fire.
CREATE INDEX ix_deadlines_pending ON deadlines (next_fire_at) WHERE next_fire_at IS NOT NULL;

-- ListAtRisk: warned or breached, oldest first.
CREATE INDEX ix_deadlines_at_risk ON deadlines (starts_at, owner, subject_id, kind)
    WHERE state = 'Breached' OR (state = 'Pending' AND warned_fraction > 0);
