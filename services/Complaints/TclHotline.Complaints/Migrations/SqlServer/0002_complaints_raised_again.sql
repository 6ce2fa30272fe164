-- Rule 21: a breach or chase after the system-raised complaint of its cause was resolved or closed opens a new
-- complaint. Still at most one per order, cause and round: two breaches handled at once cannot open two.
ALTER TABLE complaints ADD raised_round INT NOT NULL CONSTRAINT df_complaints_raised_round DEFAULT 0;
GO
DROP INDEX uq_complaints_order_cause ON complaints;
CREATE UNIQUE INDEX uq_complaints_order_cause_round ON complaints (order_id, source, raised_round) WHERE source <> N'Agent' AND order_id IS NOT NULL;
