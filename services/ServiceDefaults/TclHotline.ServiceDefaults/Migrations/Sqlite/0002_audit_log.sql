-- Who did what, in every service's database: written in the same transaction as the change it describes.
CREATE TABLE audit_log (
    sequence      INTEGER PRIMARY KEY AUTOINCREMENT,
    occurred_at   INTEGER NOT NULL,
    actor         TEXT    NOT NULL,
    actor_roles   TEXT    NOT NULL,
    actor_branch  TEXT    NOT NULL,
    action        TEXT    NOT NULL,
    subject_type  TEXT    NOT NULL,
    subject_id    TEXT    NOT NULL,
    before_json   TEXT    NULL,
    after_json    TEXT    NULL
);
CREATE INDEX ix_audit_log_subject ON audit_log (subject_id);
CREATE INDEX ix_audit_log_occurred_at ON audit_log (occurred_at);
