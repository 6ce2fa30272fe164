-- Telephony's own tables. Instants are UTC Unix milliseconds, spans milliseconds, ids text GUIDs.

-- One row per PBX call id, filled by whichever events have arrived, in any order.
CREATE TABLE calls (
    call_id                  TEXT    NOT NULL PRIMARY KEY,
    state                    TEXT    NOT NULL,
    caller_number            TEXT    NULL,
    dialled_number           TEXT    NULL,
    queue                    TEXT    NULL,
    agent_id                 TEXT    NULL,
    extension                TEXT    NULL,
    offered_at               INTEGER NULL,
    answered_at              INTEGER NULL,
    ended_at                 INTEGER NULL,
    abandoned_at             INTEGER NULL,
    duration_ms              INTEGER NULL,
    hung_up_by               TEXT    NULL,
    wait_ms                  INTEGER NULL,
    recording_uri            TEXT    NULL,
    transferred_to_agent_id  TEXT    NULL,
    transferred_to_queue     TEXT    NULL,
    transferred_at           INTEGER NULL,
    order_id                 TEXT    NULL,
    complaint_call_id        TEXT    NULL,
    updated_at               INTEGER NOT NULL
);
CREATE INDEX ix_calls_order_id ON calls (order_id) WHERE order_id IS NOT NULL;

-- Every event received: the key makes a repeated event a no-op.
CREATE TABLE call_events (
    call_id      TEXT    NOT NULL,
    event_type   TEXT    NOT NULL,
    sequence     INTEGER NOT NULL,
    event_time   INTEGER NOT NULL,
    received_at  INTEGER NOT NULL,
    PRIMARY KEY (call_id, event_type, sequence)
);

CREATE TABLE callback_tasks (
    callback_id    TEXT    NOT NULL PRIMARY KEY,
    call_id        TEXT    NOT NULL UNIQUE,
    caller_number  TEXT    NOT NULL,
    queue          TEXT    NOT NULL,
    branch_code    TEXT    NOT NULL,
    order_id       TEXT    NULL,
    reason         TEXT    NOT NULL,
    state          TEXT    NOT NULL,
    abandoned_at   INTEGER NOT NULL,
    due_at         INTEGER NOT NULL,
    claimed_by     TEXT    NULL,
    claimed_at     INTEGER NULL,
    completed_at   INTEGER NULL,
    outcome        TEXT    NULL,
    created_at     INTEGER NOT NULL
);
CREATE INDEX ix_callback_tasks_state ON callback_tasks (state, due_at);

-- The screen pop's projection of intake and dispatch events (telephony never reads their tables).
CREATE TABLE customers (
    phone       TEXT    NOT NULL PRIMARY KEY,
    name        TEXT    NOT NULL,
    updated_at  INTEGER NOT NULL
);

CREATE TABLE orders (
    order_id           TEXT    NOT NULL PRIMARY KEY,
    order_number       TEXT    NULL,
    branch_code        TEXT    NOT NULL,
    customer_phone     TEXT    NULL,
    customer_name      TEXT    NULL,
    serial_number      TEXT    NULL,
    product_model      TEXT    NULL,
    exchange_eligible  INTEGER NOT NULL DEFAULT 0,
    status             TEXT    NOT NULL,
    registered_at      INTEGER NULL,
    commitment_due     INTEGER NULL,
    updated_at         INTEGER NOT NULL
);
CREATE INDEX ix_orders_customer_phone ON orders (customer_phone);
