-- Promises kept honestly: a remote order's booking deadline (rule 2) until its appointment is booked; the
-- district's name for boards; arrivals before the booked window recorded as early; and cancellations that
-- arrive before their order (a tombstone), so the order is never planned whatever order the two come in.
ALTER TABLE dispatch_orders ADD district_name NVARCHAR(100) NOT NULL CONSTRAINT df_dispatch_orders_district_name DEFAULT N'';
ALTER TABLE dispatch_orders ADD booking_due_at BIGINT NULL;
ALTER TABLE dispatch_orders ADD booking_state NVARCHAR(32) NULL;

ALTER TABLE visits ADD arrived_early BIT NOT NULL CONSTRAINT df_visits_arrived_early DEFAULT 0;

CREATE TABLE cancelled_before_opening (
    order_id      UNIQUEIDENTIFIER NOT NULL PRIMARY KEY,
    reason        NVARCHAR(400)    NOT NULL,
    cancelled_by  NVARCHAR(200)    NOT NULL,
    cancelled_at  BIGINT           NOT NULL
);
