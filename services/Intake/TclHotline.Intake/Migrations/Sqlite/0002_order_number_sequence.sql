-- SQL Server's script of this number creates the order-number SEQUENCE. SQLite keeps its per-day counters
-- (order_number_sequences), bumped in one upsert statement under the file's single writer: nothing to change.
SELECT 1;
