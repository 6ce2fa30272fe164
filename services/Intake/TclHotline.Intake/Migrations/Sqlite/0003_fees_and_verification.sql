-- Fees from the real records: the outlet's distance and the customer's visit time re-estimate the order
-- (rules 15, 16), every estimate given is kept, the completion is settled against the last one (rules 13, 14),
-- an unsupplied panel carries exchange offers (rule 17), a suspicious invoice awaits the branch (rule 12).
ALTER TABLE service_orders ADD COLUMN outlet_id TEXT NULL;
ALTER TABLE service_orders ADD COLUMN distance_km NUMERIC NULL;
ALTER TABLE service_orders ADD COLUMN outlet_decided_at INTEGER NULL;
ALTER TABLE service_orders ADD COLUMN visit_at INTEGER NULL;
ALTER TABLE service_orders ADD COLUMN visit_decided_at INTEGER NULL;
ALTER TABLE service_orders ADD COLUMN fee_revision INTEGER NOT NULL DEFAULT 0;
ALTER TABLE service_orders ADD COLUMN fee_settlement TEXT NULL;
ALTER TABLE service_orders ADD COLUMN panel_exchange_offers TEXT NULL;
ALTER TABLE service_orders ADD COLUMN invoice_verification TEXT NULL;
ALTER TABLE service_orders ADD COLUMN invoice_verification_reason TEXT NULL;
ALTER TABLE service_orders ADD COLUMN invoice_verified_by TEXT NULL;
ALTER TABLE service_orders ADD COLUMN invoice_verified_at INTEGER NULL;
ALTER TABLE service_orders ADD COLUMN serial_found_on_site TEXT NULL;
CREATE INDEX ix_service_orders_invoice_verification ON service_orders (branch_code, invoice_verification);

CREATE TABLE fee_estimates (
    order_id      TEXT    NOT NULL REFERENCES service_orders (order_id),
    revision      INTEGER NOT NULL,
    cause         TEXT    NOT NULL,
    estimated_at  INTEGER NOT NULL,
    estimate      TEXT    NOT NULL,
    PRIMARY KEY (order_id, revision)
);
