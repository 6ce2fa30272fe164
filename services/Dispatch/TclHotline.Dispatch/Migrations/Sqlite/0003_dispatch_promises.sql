-- Promises kept honestly: a remote order's booking deadline (rule 2) until its appointment is booked; the
-- district's name for boards; arrivals before the booked window recorded as early; and cancellations that
-- arrive before their order (a tombstone), so the order is never planned whatever order the two come in.
ALTER TABLE dispatch_orders ADD COLUMN district_name TEXT NOT NULL DEFAULT '';
ALTER TABLE dispatch_orders ADD COLUMN booking_due_at INTEGER NULL;
ALTER TABLE dispatch_orders ADD COLUMN booking_state TEXT NULL;

ALTER TABLE visits ADD COLUMN arrived_early INTEGER NOT NULL DEFAULT 0;

CREATE TABLE cancelled_before_opening (
    order_id      TEXT    NOT NULL PRIMARY KEY,
    reason        TEXT    NOT NULL,
    cancelled_by  TEXT    NOT NULL,
    cancelled_at  INTEGER NOT NULL
);
