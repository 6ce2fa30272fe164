-- The returns service's schema grows from here; the foundation's outbox, inbox, idempotency and audit
-- tables come first from ServiceDefaults.
CREATE TABLE returns_schema_marker (id INT NOT NULL CONSTRAINT pk_returns_schema_marker PRIMARY KEY);
