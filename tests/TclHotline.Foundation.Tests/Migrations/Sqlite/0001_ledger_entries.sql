CREATE TABLE ledger_entries (
    subject        TEXT    NOT NULL PRIMARY KEY,
    applied_count  INTEGER NOT NULL DEFAULT 0
);
