-- The screen pop shows the order's current fee estimate (rule 13) and a unit's panel exchange offers (rule 17).
ALTER TABLE orders ADD COLUMN fee_revision INTEGER NOT NULL DEFAULT 0;
ALTER TABLE orders ADD COLUMN fee_chargeable INTEGER NOT NULL DEFAULT 0;
ALTER TABLE orders ADD COLUMN fee_total TEXT NULL;
ALTER TABLE orders ADD COLUMN fee_travel_included INTEGER NOT NULL DEFAULT 0;
ALTER TABLE orders ADD COLUMN fee_provisional INTEGER NOT NULL DEFAULT 0;
ALTER TABLE orders ADD COLUMN panel_exchange_offers TEXT NULL;
