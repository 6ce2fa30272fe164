-- The foundation's tables, in every service's database: outbox, inbox, idempotency records.
-- Instants are UTC Unix milliseconds (INTEGER), ids are text GUIDs.
CREATE TABLE outbox_messages (
    sequence      INTEGER PRIMARY KEY AUTOINCREMENT,
    message_id    TEXT    NOT NULL UNIQUE,
    aggregate_id  TEXT    NOT NULL,
    message_type  TEXT    NOT NULL,
    body          TEXT    NOT NULL,
    trace_parent  TEXT    NULL,
    trace_state   TEXT    NULL,
    created_at    INTEGER NOT NULL,
    sent_at       INTEGER NULL,
    attempts      INTEGER NOT NULL DEFAULT 0,
    last_error    TEXT    NULL
);
CREATE INDEX ix_outbox_messages_pending ON outbox_messages (sequence) WHERE sent_at IS NULL;
CREATE INDEX ix_outbox_messages_sent_at ON outbox_messages (sent_at) WHERE sent_at IS NOT NULL;

-- One relay per database publishes at a time (so order per aggregate holds); others stand by.
CREATE TABLE outbox_relay_lease (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    holder      TEXT    NOT NULL,
    expires_at  INTEGER NOT NULL
);
INSERT INTO outbox_relay_lease (id, holder, expires_at) VALUES (1, '', 0);

CREATE TABLE inbox_messages (
    message_id    TEXT    NOT NULL,
    consumer      TEXT    NOT NULL,
    processed_at  INTEGER NOT NULL,
    PRIMARY KEY (message_id, consumer)
);
CREATE INDEX ix_inbox_messages_processed_at ON inbox_messages (processed_at);

CREATE TABLE idempotency_records (
    operation        TEXT    NOT NULL,
    idempotency_key  TEXT    NOT NULL,
    response         BLOB    NOT NULL,
    created_at       INTEGER NOT NULL,
    PRIMARY KEY (operation, idempotency_key)
);
