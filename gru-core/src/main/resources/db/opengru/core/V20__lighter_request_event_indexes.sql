-- OpenGRU core, V20: a submission's index entries made cheaper (issue 22 item 5, docs/persistence.md "What the
-- server pays per index"). Measured per index on the two-row floor (request + event): the log's timeline
-- index was the dearest entry, a random leaf per insert (by usager) holding a 57-character entry id that each
-- insert computed by parsing the event's details json.
--
-- 1. The timeline index keeps (tenant, usager, time) only. The 360° timeline's keyset pages still read it
--    backwards: PostgreSQL sorts the few events of one instant by entry id above it (incremental sort), so
--    the page order, (time, entry id) as gru_timeline's, stays exact. Half the entry's bytes, no json parsed.
-- 2. The request's reference and the idempotency key are identifiers, only ever compared for equality with
--    a value given by the application: they compare byte for byte (COLLATE "C") whatever the database's
--    collation. A commune's server created in fr_FR.UTF-8 would otherwise run the locale's comparison at
--    every step of both indexes' descent. The indexes on them are rebuilt; the rows are not rewritten.
--
-- Runs in the migration's transaction: writes to both tables wait for the two index builds (documented stop,
-- as V17).

DROP INDEX gru_request_event_timeline;
CREATE INDEX gru_request_event_timeline ON gru_request_event (tenant_id, usager_id, occurred_at)
    WHERE usager_id IS NOT NULL;

ALTER TABLE gru_request ALTER COLUMN reference TYPE text COLLATE "C";
ALTER TABLE gru_request_event ALTER COLUMN idempotency_key TYPE text COLLATE "C";
