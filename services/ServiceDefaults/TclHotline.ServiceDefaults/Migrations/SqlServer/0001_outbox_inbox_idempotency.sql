-- The foundation's tables, in every service's database: outbox, inbox, idempotency records.
-- Instants are UTC Unix milliseconds (BIGINT), ids are GUIDs.
CREATE TABLE outbox_messages (
    sequence      BIGINT IDENTITY(1,1) NOT NULL CONSTRAINT pk_outbox_messages PRIMARY KEY,
    message_id    UNIQUEIDENTIFIER NOT NULL CONSTRAINT uq_outbox_messages_message_id UNIQUE,
    aggregate_id  NVARCHAR(100)  NOT NULL,
    message_type  NVARCHAR(300)  NOT NULL,
    body          NVARCHAR(MAX)  NOT NULL,
    trace_parent  NVARCHAR(100)  NULL,
    trace_state   NVARCHAR(500)  NULL,
    created_at    BIGINT         NOT NULL,
    sent_at       BIGINT         NULL,
    attempts      INT            NOT NULL CONSTRAINT df_outbox_messages_attempts DEFAULT 0,
    last_error    NVARCHAR(2000) NULL
);
CREATE INDEX ix_outbox_messages_pending ON outbox_messages (sequence) WHERE sent_at IS NULL;
CREATE INDEX ix_outbox_messages_sent_at ON outbox_messages (sent_at) WHERE sent_at IS NOT NULL;

CREATE TABLE outbox_relay_lease (
    id          INT           NOT NULL CONSTRAINT pk_outbox_relay_lease PRIMARY KEY CONSTRAINT ck_outbox_relay_lease_single CHECK (id = 1),
    holder      NVARCHAR(200) NOT NULL,
    expires_at  BIGINT        NOT NULL
);
INSERT INTO outbox_relay_lease (id, holder, expires_at) VALUES (1, N'', 0);

CREATE TABLE inbox_messages (
    message_id    UNIQUEIDENTIFIER NOT NULL,
    consumer      NVARCHAR(200)    NOT NULL,
    processed_at  BIGINT           NOT NULL,
    CONSTRAINT pk_inbox_messages PRIMARY KEY (message_id, consumer)
);
CREATE INDEX ix_inbox_messages_processed_at ON inbox_messages (processed_at);

CREATE TABLE idempotency_records (
    operation        NVARCHAR(100)  NOT NULL,
    idempotency_key  NVARCHAR(200)  NOT NULL,
    response         VARBINARY(MAX) NOT NULL,
    created_at       BIGINT         NOT NULL,
    CONSTRAINT pk_idempotency_records PRIMARY KEY (operation, idempotency_key)
);
