-- The branch report's own projection of dispatch's events (Report/CommitmentOutcomes.cs): whether each order's
-- on-site commitment was kept, decided by the engineer's arrival, else missed by a breach of the deadline.
-- Numbered apart from the module's own scripts: it depends on none of them.
CREATE TABLE report_commitments (
    order_id     UNIQUEIDENTIFIER NOT NULL CONSTRAINT pk_report_commitments PRIMARY KEY,
    branch_code  NVARCHAR(20)     NOT NULL,
    due_at       BIGINT           NOT NULL,
    kept         BIT              NOT NULL,
    decided_by   NVARCHAR(10)     NOT NULL
);
CREATE INDEX ix_report_commitments_branch_due ON report_commitments (branch_code, due_at);
