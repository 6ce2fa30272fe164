-- One row per deadline, keyed by the owner's subject and the kind of promise.
-- Instants are UTC Unix milliseconds; spans are milliseconds. Key columns use a binary collation
-- so keys and ListAtRisk order are ordinal, as in the domain.
CREATE TABLE deadlines (
    owner             NVARCHAR(50)  COLLATE Latin1_General_100_BIN2 NOT NULL,
    subject_id        NVARCHAR(100) COLLATE Latin1_General_100_BIN2 NOT NULL,
    kind              NVARCHAR(50)  COLLATE Latin1_General_100_BIN2 NOT NULL,
    branch_code       NVARCHAR(50)  NULL,
    starts_at         BIGINT        NULL,
    due_at            BIGINT        NULL,
    set_at            BIGINT        NULL,
    due_set_at        BIGINT        NULL,
    move_cause        NVARCHAR(20)  NULL,
    state             NVARCHAR(20)  NOT NULL,
    paused_at         BIGINT        NULL,
    paused_span_ms    BIGINT        NOT NULL CONSTRAINT df_deadlines_paused_span_ms DEFAULT 0,
    last_resumed_at   BIGINT        NULL,
    early_resumed_at  BIGINT        NULL,
    warned_fraction   FLOAT         NOT NULL CONSTRAINT df_deadlines_warned_fraction DEFAULT 0,
    next_fire_at      BIGINT        NULL,
    breached_at       BIGINT        NULL,
    met_at            BIGINT        NULL,
    lateness_ms       BIGINT        NULL,
    cancelled_at      BIGINT        NULL,
    version           BIGINT        NOT NULL,
    -- The scanner instance holding the row and until when; another takes it over after the lease.
    claimed_by        NVARCHAR(200) NULL,
    claimed_until     BIGINT        NULL,
    CONSTRAINT pk_deadlines PRIMARY KEY (owner, subject_id, kind)
);

-- The scanner's work list: only rows with something left to fire.
CREATE INDEX ix_deadlines_pending ON deadlines (next_fire_at) INCLUDE (claimed_until) WHERE next_fire_at IS NOT NULL;

-- ListAtRisk: warned or breached, oldest first. (A filtered index cannot use OR, so it covers open rows.)
CREATE INDEX ix_deadlines_at_risk ON deadlines (starts_at, owner, subject_id, kind) INCLUDE (state, warned_fraction, branch_code)
    WHERE state IN (N'Pending', N'Breached');
