-- The last fee estimate intake gave for each order (from FeeEstimated), so a completion is checked against it.
CREATE TABLE order_fee_quotes (
    order_id      TEXT    NOT NULL PRIMARY KEY,
    revision      INTEGER NOT NULL,
    chargeable    INTEGER NOT NULL,
    total         TEXT    NOT NULL,
    provisional   INTEGER NOT NULL,
    estimated_at  INTEGER NOT NULL
);
