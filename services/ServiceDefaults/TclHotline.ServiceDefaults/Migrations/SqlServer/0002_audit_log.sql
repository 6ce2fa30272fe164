-- Who did what, in every service's database: written in the same transaction as the change it describes.
CREATE TABLE audit_log (
    sequence      BIGINT IDENTITY(1,1) NOT NULL CONSTRAINT pk_audit_log PRIMARY KEY,
    occurred_at   BIGINT         NOT NULL,
    actor         NVARCHAR(200)  NOT NULL,
    actor_roles   NVARCHAR(300)  NOT NULL,
    actor_branch  NVARCHAR(50)   NOT NULL,
    action        NVARCHAR(100)  NOT NULL,
    subject_type  NVARCHAR(100)  NOT NULL,
    subject_id    NVARCHAR(100)  NOT NULL,
    before_json   NVARCHAR(MAX)  NULL,
    after_json    NVARCHAR(MAX)  NULL
);
CREATE INDEX ix_audit_log_subject ON audit_log (subject_id);
CREATE INDEX ix_audit_log_occurred_at ON audit_log (occurred_at);
