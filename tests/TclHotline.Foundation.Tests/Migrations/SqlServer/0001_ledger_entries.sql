CREATE TABLE ledger_entries (
    subject        NVARCHAR(100) NOT NULL CONSTRAINT pk_ledger_entries PRIMARY KEY,
    applied_count  INT           NOT NULL CONSTRAINT df_ledger_entries_applied DEFAULT 0
);
