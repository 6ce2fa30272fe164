-- The last fee estimate intake gave for each order (from FeeEstimated), so a completion is checked against it.
CREATE TABLE order_fee_quotes (
    order_id      UNIQUEIDENTIFIER NOT NULL PRIMARY KEY,
    revision      INT              NOT NULL,
    chargeable    BIT              NOT NULL,
    total         DECIMAL(18,2)    NOT NULL,
    provisional   BIT              NOT NULL,
    estimated_at  BIGINT           NOT NULL
);
