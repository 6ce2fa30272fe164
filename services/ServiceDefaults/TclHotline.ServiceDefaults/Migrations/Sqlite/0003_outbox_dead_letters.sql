-- Outbox rows that kept failing (a type this build does not know, a payload that does not parse, or, on the
-- in-memory bus, a consumer that kept faulting) leave the outbox after Outbox:MaxAttempts so they stop
-- holding back the rows behind them; an administrator lists and replays them through the audit API.
CREATE TABLE outbox_dead_letters (
    sequence          INTEGER PRIMARY KEY AUTOINCREMENT,
    message_id        TEXT    NOT NULL UNIQUE,
    aggregate_id      TEXT    NOT NULL,
    message_type      TEXT    NOT NULL,
    body              TEXT    NOT NULL,
    trace_parent      TEXT    NULL,
    trace_state       TEXT    NULL,
    created_at        INTEGER NOT NULL,
    attempts          INTEGER NOT NULL,
    last_error        TEXT    NULL,
    dead_lettered_at  INTEGER NOT NULL
);
