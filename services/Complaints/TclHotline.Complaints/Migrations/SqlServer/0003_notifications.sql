-- Owners' inboxes (rule 25): one row per notice at one escalation level, addressed to a role in a branch;
-- its deliveries to outside channels; and the engineer-quality report schedule per branch (rule 22).
CREATE TABLE notifications (
    sequence         BIGINT IDENTITY(1,1) NOT NULL CONSTRAINT pk_notifications PRIMARY KEY,
    id               UNIQUEIDENTIFIER NOT NULL CONSTRAINT uq_notifications_id UNIQUE,
    kind             NVARCHAR(40)     NOT NULL,
    branch_code      NVARCHAR(20)     NOT NULL,
    level            INT              NOT NULL,
    recipient_role   NVARCHAR(60)     NOT NULL,
    owner            NVARCHAR(200)    NOT NULL,
    title            NVARCHAR(400)    NOT NULL,
    body             NVARCHAR(MAX)    NOT NULL,
    subject_id       NVARCHAR(100)    NULL,
    cause_id         NVARCHAR(200)    NOT NULL,
    created_at       BIGINT           NOT NULL,
    acknowledge_due  BIGINT           NULL,
    acknowledged_at  BIGINT           NULL,
    acknowledged_by  NVARCHAR(100)    NULL,
    climbed_to       UNIQUEIDENTIFIER NULL,
    climbed_at       BIGINT           NULL
);
-- One notice per cause and level, however often the cause is delivered.
CREATE UNIQUE INDEX uq_notifications_cause ON notifications (cause_id, level);
CREATE INDEX ix_notifications_inbox ON notifications (branch_code, recipient_role, sequence);

-- One row per notification, channel and target; sent_at is set once the channel took it. An instance
-- sending it holds claimed_until, so two copies of one request never send at the same time.
CREATE TABLE notification_deliveries (
    notification_id  UNIQUEIDENTIFIER NOT NULL,
    channel          NVARCHAR(20)     NOT NULL,
    target           NVARCHAR(400)    NOT NULL,
    requested_at     BIGINT           NOT NULL,
    attempts         INT              NOT NULL,
    last_error       NVARCHAR(2000)   NULL,
    sent_at          BIGINT           NULL,
    claimed_until    BIGINT           NULL,
    CONSTRAINT pk_notification_deliveries PRIMARY KEY (notification_id, channel, target)
);
CREATE INDEX ix_notification_deliveries_unsent ON notification_deliveries (requested_at) WHERE sent_at IS NULL;

-- The last report period (number of periods since the schedule's anchor) each branch was sent.
CREATE TABLE engineer_quality_reports (
    branch_code  NVARCHAR(20) NOT NULL CONSTRAINT pk_engineer_quality_reports PRIMARY KEY,
    last_period  BIGINT       NOT NULL
);
