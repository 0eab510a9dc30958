-- OpenGRU core, V18: the relay reads request events from the log (issue 22, docs/persistence.md "The relay:
-- cursors instead of copies"). Stores stop copying request events into gru_outbox: a submission writes the
-- request row and its event, nothing else. The request row numbers its webhook events (webhook_seq, under its
-- row lock, so in commit order per request); a delivery cursor knows the last sequence the feed has seen
-- (last_seq) so that an outcome stored under a lease never drops an event found meanwhile; a retried dead
-- letter is claimed with a lease like a cursor, and one past the dead-letter retention is expired.

ALTER TABLE gru_request ADD COLUMN webhook_seq bigint NOT NULL DEFAULT 0; -- the last webhook sequence assigned
ALTER TABLE gru_delivery ADD COLUMN last_seq bigint NOT NULL DEFAULT 0;   -- the highest sequence the feed saw
ALTER TABLE gru_dead_letter ADD COLUMN lease uuid;
ALTER TABLE gru_dead_letter ADD COLUMN expired boolean NOT NULL DEFAULT false; -- past retention: not retryable
CREATE INDEX gru_dead_letter_retry ON gru_dead_letter (retry_at) WHERE retry_at IS NOT NULL;
CREATE INDEX gru_dead_letter_event ON gru_dead_letter (event_id);

-- The request events of the outbox grouped by change (request and instant): the first stream sequence and
-- the domain events ({type, event}), a delivered (pruned) one kept as null so that "webhook_seq + index"
-- stays the sequence of each.
CREATE FUNCTION gru_outbox_request_changes()
    RETURNS TABLE (tenant_id text, aggregate_id text, occurred_at timestamptz, first_seq bigint, events jsonb)
    LANGUAGE sql STABLE AS $$
WITH ev AS (
        SELECT DISTINCT ON (tenant_id, aggregate_id, event_id)
               tenant_id, aggregate_id, occurred_at, event_id, stream_seq,
               CASE WHEN starts_with(payload::text, '{"payloadSha256":') THEN NULL
                    ELSE jsonb_build_object('type', event_type, 'event', payload::jsonb -> 'event') END AS event
          FROM gru_outbox WHERE aggregate_type = 'request'
         ORDER BY tenant_id, aggregate_id, event_id, starts_with(payload::text, '{"payloadSha256":'), stream_seq),
    obx AS (
        SELECT tenant_id, aggregate_id, occurred_at, min(stream_seq) AS first_seq,
               CASE WHEN bool_or(event IS NOT NULL) THEN jsonb_agg(event ORDER BY stream_seq) END AS events
          FROM ev GROUP BY tenant_id, aggregate_id, occurred_at)
SELECT tenant_id, aggregate_id, occurred_at, first_seq, events FROM obx
$$;

-- The copy of V17, keeping the place of a delivered (pruned) domain event in a change's list (null), so that
-- "webhook_seq + index" stays the sequence of each.
CREATE OR REPLACE FUNCTION gru_copy_to_request_event_log() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    WITH obx AS (SELECT * FROM gru_outbox_request_changes())
    INSERT INTO gru_request_event (tenant_id, request_id, position, type, actor, channel, occurred_at, details,
                                   payload, previous_hash, hash, usager_id, webhook_seq, idempotency_key,
                                   fingerprint)
    SELECT a.tenant_id, a.request_id, a.position, a.action, a.actor, a.channel, a.occurred_at, a.details,
           CASE WHEN h.reason IS NULL AND (a.details::jsonb -> 'reasonSha256') IS NOT NULL THEN NULL
                ELSE (jsonb_strip_nulls(jsonb_build_object('reason', h.reason))
                      || CASE WHEN o.events IS NULL THEN '{}'::jsonb
                              ELSE jsonb_build_object('events', o.events) END)::json END,
           a.previous_hash, a.hash, t.usager_id, o.first_seq, i.key, i.fingerprint
      FROM gru_audit a
      LEFT JOIN gru_request_history h
        ON h.tenant_id = a.tenant_id AND h.request_id = a.request_id
       AND h.sequence::text = a.details->>'sequence' AND h.action = a.action
      LEFT JOIN gru_timeline t
        ON t.tenant_id = a.tenant_id
       AND t.entry_id = gru_event_entry_id(a.action, a.request_id, a.details)
       AND t.subject_id = a.request_id::text
      LEFT JOIN gru_idempotency i
        ON i.tenant_id = a.tenant_id AND i.request_id = a.request_id
       AND a.details->>'sequence' IS NOT NULL AND i.result_version::text = a.details->>'version'
      LEFT JOIN obx o
        ON o.tenant_id = a.tenant_id AND o.aggregate_id = a.request_id::text AND o.occurred_at = a.occurred_at
    ON CONFLICT DO NOTHING;

    DELETE FROM gru_timeline t USING gru_request_event e
     WHERE e.usager_id IS NOT NULL AND t.tenant_id = e.tenant_id AND t.usager_id = e.usager_id
       AND t.occurred_at = e.occurred_at AND t.entry_id = gru_event_entry_id(e.type, e.request_id, e.details);

    -- Events the V17 stores wrote into the log while still copying them into the outbox: their webhook
    -- sequence and, while the outbox still has them (pending or dead), their domain events. The log refuses
    -- changes to its rows, so the trigger is off for this one statement (the migration is one transaction).
    ALTER TABLE gru_request_event DISABLE TRIGGER gru_request_event_append_only;
    WITH obx AS (SELECT * FROM gru_outbox_request_changes())
    UPDATE gru_request_event e
       SET webhook_seq = o.first_seq,
           payload = CASE WHEN o.events IS NULL OR e.payload IS NULL THEN e.payload
                          ELSE (e.payload::jsonb || jsonb_build_object('events', o.events))::json END
      FROM obx o
     WHERE e.webhook_seq IS NULL AND o.tenant_id = e.tenant_id AND o.aggregate_id = e.request_id::text
       AND o.occurred_at = e.occurred_at
       AND e.position = (SELECT min(x.position) FROM gru_request_event x WHERE x.tenant_id = e.tenant_id
                            AND x.request_id = e.request_id AND x.occurred_at = e.occurred_at);
    ALTER TABLE gru_request_event ENABLE TRIGGER gru_request_event_append_only;

    INSERT INTO gru_delivery (tenant_id, subscriber, request_id, delivered_seq, attempts, next_attempt_at, last_error,
                              last_seq)
    SELECT s.tenant_id, s.subscriber, s.aggregate_id::uuid,
           coalesce(p.stream_seq - 1, s.last_seq),
           coalesce(p.attempts, 0), p.next_attempt_at, p.last_error, s.last_seq
      FROM (SELECT tenant_id, subscriber, aggregate_id, max(stream_seq) AS last_seq
              FROM gru_outbox WHERE aggregate_type = 'request' GROUP BY tenant_id, subscriber, aggregate_id) s
      LEFT JOIN LATERAL (SELECT stream_seq, attempts, next_attempt_at, last_error FROM gru_outbox o
                          WHERE o.subscriber = s.subscriber AND o.tenant_id = s.tenant_id
                            AND o.aggregate_type = 'request' AND o.aggregate_id = s.aggregate_id
                            AND o.status = 'PENDING'
                          ORDER BY o.stream_seq LIMIT 1) p ON true
    ON CONFLICT (tenant_id, subscriber, request_id) DO UPDATE
       SET delivered_seq = excluded.delivered_seq, attempts = excluded.attempts,
           next_attempt_at = excluded.next_attempt_at, last_error = excluded.last_error, lease = NULL,
           last_seq = excluded.last_seq;

    -- A dead row whose payload was pruned (past the retention) can no longer be retried.
    INSERT INTO gru_dead_letter (tenant_id, subscriber, request_id, webhook_seq, event_id, attempts, last_error,
                                 dead_at, expired)
    SELECT tenant_id, subscriber, aggregate_id::uuid, stream_seq, event_id, attempts, last_error,
           coalesce(dead_at, now()), starts_with(payload::text, '{"payloadSha256":')
      FROM gru_outbox WHERE aggregate_type = 'request' AND status = 'DEAD'
    ON CONFLICT DO NOTHING;

    INSERT INTO gru_delivery_feed (tenant_id, subscriber, tx, request_id, position)
    SELECT DISTINCT tenant_id, subscriber, pg_current_xact_id(), 'ffffffff-ffff-ffff-ffff-ffffffffffff'::uuid,
           9223372036854775807
      FROM gru_outbox WHERE aggregate_type = 'request'
    ON CONFLICT (tenant_id, subscriber) DO UPDATE SET tx = excluded.tx, request_id = excluded.request_id,
                                                      position = excluded.position;
END
$$;

SELECT gru_copy_to_request_event_log();

-- Each request's last webhook sequence, where the new writes continue.
UPDATE gru_request r SET webhook_seq = s.last_seq
  FROM gru_outbox_stream s
 WHERE s.aggregate_type = 'request' AND s.tenant_id = r.tenant_id AND s.aggregate_id = r.id::text;

-- The outbox's copies of request events are now read by nothing: their state is in the cursors and dead
-- letters, their pending events in the log. Left in gru_outbox, its relay would send them a second time.
DELETE FROM gru_outbox WHERE aggregate_type = 'request';
DELETE FROM gru_outbox_stream WHERE aggregate_type = 'request';
