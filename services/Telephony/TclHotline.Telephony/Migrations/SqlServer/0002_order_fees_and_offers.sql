-- The screen pop shows the order's current fee estimate (rule 13) and a unit's panel exchange offers (rule 17).
ALTER TABLE orders ADD
    fee_revision         INT            NOT NULL CONSTRAINT df_orders_fee_revision DEFAULT 0,
    fee_chargeable       BIT            NOT NULL CONSTRAINT df_orders_fee_chargeable DEFAULT 0,
    fee_total            DECIMAL(18,2)  NULL,
    fee_travel_included  BIT            NOT NULL CONSTRAINT df_orders_fee_travel_included DEFAULT 0,
    fee_provisional      BIT            NOT NULL CONSTRAINT df_orders_fee_provisional DEFAULT 0,
    panel_exchange_offers NVARCHAR(200) NULL;
