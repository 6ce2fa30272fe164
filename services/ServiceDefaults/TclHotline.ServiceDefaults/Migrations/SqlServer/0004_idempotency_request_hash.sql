-- An idempotency key answers only the caller and the request it was first used with: the hash of both
-- (SHA-256 of the caller's subject and the request's bytes) is kept next to the stored reply.
-- Rows written before this script have none and are replayed as before.
ALTER TABLE idempotency_records ADD request_hash VARBINARY(32) NULL;
