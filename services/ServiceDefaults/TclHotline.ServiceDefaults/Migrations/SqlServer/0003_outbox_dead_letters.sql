-- Outbox rows that kept failing (a type this build does not know, a payload that does not parse, or, on the
-- in-memory bus, a consumer that kept faulting) leave the outbox after Outbox:MaxAttempts so they stop
-- holding back the rows behind them; an administrator lists and replays them through the audit API.
CREATE TABLE outbox_dead_letters (
    sequence          BIGINT IDENTITY(1,1) NOT NULL CONSTRAINT pk_outbox_dead_letters PRIMARY KEY,
    message_id        UNIQUEIDENTIFIER NOT NULL CONSTRAINT uq_outbox_dead_letters_message_id UNIQUE,
    aggregate_id      NVARCHAR(100)  NOT NULL,
    message_type      NVARCHAR(300)  NOT NULL,
    body              NVARCHAR(MAX)  NOT NULL,
    trace_parent      NVARCHAR(100)  NULL,
    trace_state       NVARCHAR(500)  NULL,
    created_at        BIGINT         NOT NULL,
    attempts          INT            NOT NULL,
    last_error        NVARCHAR(2000) NULL,
    dead_lettered_at  BIGINT         NOT NULL
);
