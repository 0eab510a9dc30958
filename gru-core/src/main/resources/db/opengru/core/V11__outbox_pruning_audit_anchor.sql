-- OpenGRU core, V10: the outbox keeps no copy of a request after delivery, and a request records the
-- length and head hash of its audit chain.

-- A delivered row keeps only the SHA-256 of its payload ({"payloadSha256":"<hex>"}, computed over the
-- payload's exact text as OutboxMessage.prunedPayload does) and no last error; a dead row keeps both
-- until it is retried or its dead-letter retention ends (OutboxRelay.pruneDeadLetters), counted from
-- dead_at. Rows already delivered are pruned here; rows already dead count from this upgrade.
ALTER TABLE gru_outbox ADD COLUMN dead_at timestamptz;
UPDATE gru_outbox SET dead_at = now() WHERE status = 'DEAD';
UPDATE gru_outbox
   SET payload = ('{"payloadSha256":"' || encode(sha256(convert_to(payload::text, 'UTF8')), 'hex') || '"}')::json,
       last_error = NULL
 WHERE status = 'DELIVERED' AND NOT starts_with(payload::text, '{"payloadSha256":');

-- The anchor of the request's audit chain, written in the transaction of every append: a chain whose
-- tail or whole was deleted (by someone able to disable gru_audit's trigger) no longer matches it.
-- Not part of the request's document: the history of a request is not its audit.
ALTER TABLE gru_request ADD COLUMN audit_length bigint NOT NULL DEFAULT 0 CHECK (audit_length >= 0),
                        ADD COLUMN audit_head   char(64);
UPDATE gru_request r
   SET audit_length = h.position + 1, audit_head = h.hash
  FROM (SELECT DISTINCT ON (tenant_id, request_id) tenant_id, request_id, position, hash
          FROM gru_audit ORDER BY tenant_id, request_id, position DESC) h
 WHERE h.tenant_id = r.tenant_id AND h.request_id = r.id;
