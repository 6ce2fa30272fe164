-- Owners' inboxes (rule 25): one row per notice at one escalation level, addressed to a role in a branch;
-- its deliveries to outside channels; and the engineer-quality report schedule per branch (rule 22).
CREATE TABLE notifications (
    sequence         INTEGER PRIMARY KEY AUTOINCREMENT,
    id               TEXT    NOT NULL UNIQUE,
    kind             TEXT    NOT NULL,
    branch_code      TEXT    NOT NULL,
    level            INTEGER NOT NULL,
    recipient_role   TEXT    NOT NULL,
    owner            TEXT    NOT NULL,
    title            TEXT    NOT NULL,
    body             TEXT    NOT NULL,
    subject_id       TEXT    NULL,
    cause_id         TEXT    NOT NULL,
    created_at       INTEGER NOT NULL,
    acknowledge_due  INTEGER NULL,
    acknowledged_at  INTEGER NULL,
    acknowledged_by  TEXT    NULL,
    climbed_to       TEXT    NULL,
    climbed_at       INTEGER NULL
);
-- One notice per cause and level, however often the cause is delivered.
CREATE UNIQUE INDEX uq_notifications_cause ON notifications (cause_id, level);
CREATE INDEX ix_notifications_inbox ON notifications (branch_code, recipient_role, sequence);

-- One row per notification, channel and target; sent_at is set once the channel took it. An instance
-- sending it holds claimed_until, so two copies of one request never send at the same time.
CREATE TABLE notification_deliveries (
    notification_id  TEXT    NOT NULL,
    channel          TEXT    NOT NULL,
    target           TEXT    NOT NULL,
    requested_at     INTEGER NOT NULL,
    attempts         INTEGER NOT NULL,
    last_error       TEXT    NULL,
    sent_at          INTEGER NULL,
    claimed_until    INTEGER NULL,
    PRIMARY KEY (notification_id, channel, target)
);
CREATE INDEX ix_notification_deliveries_unsent ON notification_deliveries (requested_at) WHERE sent_at IS NULL;

-- The last report period (number of periods since the schedule's anchor) each branch was sent.
CREATE TABLE engineer_quality_reports (
    branch_code  TEXT    NOT NULL PRIMARY KEY,
    last_period  INTEGER NOT NULL
);
