-- Telephony's own tables. Instants are UTC Unix milliseconds, spans milliseconds, ids GUIDs.

-- One row per PBX call id, filled by whichever events have arrived, in any order.
CREATE TABLE calls (
    call_id                  NVARCHAR(100)    NOT NULL CONSTRAINT pk_calls PRIMARY KEY,
    state                    NVARCHAR(20)     NOT NULL,
    caller_number            NVARCHAR(40)     NULL,
    dialled_number           NVARCHAR(40)     NULL,
    queue                    NVARCHAR(100)    NULL,
    agent_id                 NVARCHAR(100)    NULL,
    extension                NVARCHAR(40)     NULL,
    offered_at               BIGINT           NULL,
    answered_at              BIGINT           NULL,
    ended_at                 BIGINT           NULL,
    abandoned_at             BIGINT           NULL,
    duration_ms              BIGINT           NULL,
    hung_up_by               NVARCHAR(20)     NULL,
    wait_ms                  BIGINT           NULL,
    recording_uri            NVARCHAR(1000)   NULL,
    transferred_to_agent_id  NVARCHAR(100)    NULL,
    transferred_to_queue     NVARCHAR(100)    NULL,
    transferred_at           BIGINT           NULL,
    order_id                 UNIQUEIDENTIFIER NULL,
    complaint_call_id        UNIQUEIDENTIFIER NULL,
    updated_at               BIGINT           NOT NULL
);
CREATE INDEX ix_calls_order_id ON calls (order_id) WHERE order_id IS NOT NULL;

-- Every event received: the key makes a repeated event a no-op.
CREATE TABLE call_events (
    call_id      NVARCHAR(100) NOT NULL,
    event_type   NVARCHAR(30)  NOT NULL,
    sequence     INT           NOT NULL,
    event_time   BIGINT        NOT NULL,
    received_at  BIGINT        NOT NULL,
    CONSTRAINT pk_call_events PRIMARY KEY (call_id, event_type, sequence)
);

CREATE TABLE callback_tasks (
    callback_id    UNIQUEIDENTIFIER NOT NULL CONSTRAINT pk_callback_tasks PRIMARY KEY,
    call_id        NVARCHAR(100)    NOT NULL CONSTRAINT uq_callback_tasks_call_id UNIQUE,
    caller_number  NVARCHAR(40)     NOT NULL,
    queue          NVARCHAR(100)    NOT NULL,
    branch_code    NVARCHAR(20)     NOT NULL,
    order_id       UNIQUEIDENTIFIER NULL,
    reason         NVARCHAR(20)     NOT NULL,
    state          NVARCHAR(20)     NOT NULL,
    abandoned_at   BIGINT           NOT NULL,
    due_at         BIGINT           NOT NULL,
    claimed_by     NVARCHAR(100)    NULL,
    claimed_at     BIGINT           NULL,
    completed_at   BIGINT           NULL,
    outcome        NVARCHAR(500)    NULL,
    created_at     BIGINT           NOT NULL
);
CREATE INDEX ix_callback_tasks_state ON callback_tasks (state, due_at);

-- The screen pop's projection of intake and dispatch events (telephony never reads their tables).
CREATE TABLE customers (
    phone       NVARCHAR(40)  NOT NULL CONSTRAINT pk_customers PRIMARY KEY,
    name        NVARCHAR(200) NOT NULL,
    updated_at  BIGINT        NOT NULL
);

CREATE TABLE orders (
    order_id           UNIQUEIDENTIFIER NOT NULL CONSTRAINT pk_orders PRIMARY KEY,
    order_number       NVARCHAR(40)     NULL,
    branch_code        NVARCHAR(20)     NOT NULL,
    customer_phone     NVARCHAR(40)     NULL,
    customer_name      NVARCHAR(200)    NULL,
    serial_number      NVARCHAR(60)     NULL,
    product_model      NVARCHAR(100)    NULL,
    exchange_eligible  BIT              NOT NULL CONSTRAINT df_orders_exchange_eligible DEFAULT 0,
    status             NVARCHAR(20)     NOT NULL,
    registered_at      BIGINT           NULL,
    commitment_due     BIGINT           NULL,
    updated_at         BIGINT           NOT NULL
);
CREATE INDEX ix_orders_customer_phone ON orders (customer_phone);
