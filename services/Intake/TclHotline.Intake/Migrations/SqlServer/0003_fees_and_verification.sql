-- Fees from the real records: the outlet's distance and the customer's visit time re-estimate the order
-- (rules 15, 16), every estimate given is kept, the completion is settled against the last one (rules 13, 14),
-- an unsupplied panel carries exchange offers (rule 17), a suspicious invoice awaits the branch (rule 12).
ALTER TABLE service_orders ADD
    outlet_id                    NVARCHAR(100)  NULL,
    distance_km                  DECIMAL(18,2)  NULL,
    outlet_decided_at            BIGINT         NULL,
    visit_at                     BIGINT         NULL,
    visit_decided_at             BIGINT         NULL,
    fee_revision                 INT            NOT NULL DEFAULT 0,
    fee_settlement               NVARCHAR(MAX)  NULL,
    panel_exchange_offers        NVARCHAR(400)  NULL,
    invoice_verification         NVARCHAR(100)  NULL,
    invoice_verification_reason  NVARCHAR(400)  NULL,
    invoice_verified_by          NVARCHAR(100)  NULL,
    invoice_verified_at          BIGINT         NULL,
    serial_found_on_site         NVARCHAR(100)  NULL;
GO
CREATE INDEX ix_service_orders_invoice_verification ON service_orders (branch_code, invoice_verification);

CREATE TABLE fee_estimates (
    order_id      UNIQUEIDENTIFIER NOT NULL REFERENCES service_orders (order_id),
    revision      INT              NOT NULL,
    cause         NVARCHAR(100)    NOT NULL,
    estimated_at  BIGINT           NOT NULL,
    estimate      NVARCHAR(MAX)    NOT NULL,
    PRIMARY KEY (order_id, revision)
);
