-- OpenGRU core, V17: one event log per request (issue 22, docs/persistence.md "One event log per request").
-- Each change of a request is one row of gru_request_event; history, audit chain, the request's timeline
-- lines, idempotency replays and the webhook feed are read from it. The relay keeps a cursor per subscriber
-- and request (gru_delivery) instead of copying events into gru_outbox; failed-for-good events are dead
-- letters. Existing rows are copied in (gru_copy_to_request_event_log, below); the old tables stay, read by
-- nothing once the stores use the log, until a later migration drops them. Every primary and unique key
-- leads with tenant_id (distribution by collectivité, RequestEventLogKeysTest).

CREATE TABLE gru_request_event (
    tenant_id       text        NOT NULL,
    request_id      uuid        NOT NULL,
    position        bigint      NOT NULL CHECK (position >= 0), -- the audit chain's position: 0, 1, 2...
    type            text        NOT NULL,                       -- SUBMIT, ACCEPT... message:POST, note:POST
    actor           text        NOT NULL,                       -- pseudonymous ActorRef
    channel         text        NOT NULL,
    occurred_at     timestamptz NOT NULL,
    details         json        NOT NULL, -- chained (AuditHashes): codes, states and digests, no personal data
    payload         json,                 -- the personal part (reason, domain events); NULL once erased
    previous_hash   char(64)    NOT NULL,
    hash            char(64)    NOT NULL,
    usager_id       uuid,                 -- whose 360° timeline shows the event; NULL: nobody's, or erased
    webhook_seq     bigint,               -- webhook sequence of the event's first domain event; NULL: none
    idempotency_key text,
    fingerprint     text,
    tx              xid8        NOT NULL DEFAULT pg_current_xact_id(), -- the relay's commit watermark
    PRIMARY KEY (tenant_id, request_id, position),
    CONSTRAINT gru_request_event_key_has_fingerprint CHECK ((idempotency_key IS NULL) = (fingerprint IS NULL))
);
CREATE UNIQUE INDEX gru_request_event_idempotency ON gru_request_event (tenant_id, idempotency_key)
    WHERE idempotency_key IS NOT NULL;
-- An event's timeline entry id, as gru_timeline held it: a message's, or a history line's with the %06d of
-- RecordingRequestStore.timelineEntry (lpad would cut a longer number). Self-contained: PostgreSQL 17 runs
-- index expressions with a search_path of pg_catalog only, so it calls no function of ours.
CREATE FUNCTION gru_event_entry_id(type text, request_id uuid, details json) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN type IN ('message:POST', 'note:POST') THEN 'core:message:' || (details ->> 'message')
                WHEN length(details ->> 'sequence') >= 6
                THEN 'core:request:' || request_id::text || ':' || (details ->> 'sequence')
                ELSE 'core:request:' || request_id::text || ':' || lpad(details ->> 'sequence', 6, '0')
           END COLLATE "C"
$$;
-- The 360° timeline's keyset pages (newest first), in gru_timeline's order (time, entry id), so that the
-- page query merges both with an exact keyset.
CREATE INDEX gru_request_event_timeline
    ON gru_request_event (tenant_id, usager_id, occurred_at, gru_event_entry_id(type, request_id, details) COLLATE "C")
    WHERE usager_id IS NOT NULL;
-- The relay's feed: events of a tenant past its cursor, below the commit watermark.
CREATE INDEX gru_request_event_feed ON gru_request_event (tenant_id, tx, request_id, position);

-- Append-only for every role, except erasure: payload and usager_id may only become NULL. Only the table
-- owner can disable the trigger, which an auditor then sees as a broken chain or a payload off its digest.
CREATE FUNCTION gru_request_event_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE'
       AND (NEW.payload IS NULL OR NEW.payload::text IS NOT DISTINCT FROM OLD.payload::text)
       AND (NEW.usager_id IS NULL OR NEW.usager_id IS NOT DISTINCT FROM OLD.usager_id)
       AND (NEW.tenant_id, NEW.request_id, NEW.position, NEW.type, NEW.actor, NEW.channel, NEW.occurred_at,
            NEW.details::text, NEW.previous_hash, NEW.hash, NEW.webhook_seq, NEW.idempotency_key,
            NEW.fingerprint, NEW.tx)
           IS NOT DISTINCT FROM
           (OLD.tenant_id, OLD.request_id, OLD.position, OLD.type, OLD.actor, OLD.channel, OLD.occurred_at,
            OLD.details::text, OLD.previous_hash, OLD.hash, OLD.webhook_seq, OLD.idempotency_key,
            OLD.fingerprint, OLD.tx) THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'gru_request_event is append-only: % refused (only erasing payload and usager_id is allowed)', TG_OP
        USING ERRCODE = 'insufficient_privilege',
              HINT = 'events are never changed nor deleted; see docs/persistence.md';
END
$$;
CREATE TRIGGER gru_request_event_append_only BEFORE UPDATE OR DELETE ON gru_request_event
    FOR EACH ROW EXECUTE FUNCTION gru_request_event_refuse_change();
CREATE TRIGGER gru_request_event_no_truncate BEFORE TRUNCATE ON gru_request_event
    FOR EACH STATEMENT EXECUTE FUNCTION gru_request_event_refuse_change();

-- What each subscriber has of each request's events: written by the relay, never by a command.
CREATE TABLE gru_delivery (
    tenant_id       text        NOT NULL,
    subscriber      text        NOT NULL,
    request_id      uuid        NOT NULL,
    delivered_seq   bigint      NOT NULL CHECK (delivered_seq >= 0), -- webhook sequences done up to here
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz,          -- NULL: nothing owed; else the next try or the lease's end
    lease           uuid,
    last_error      text,
    PRIMARY KEY (tenant_id, subscriber, request_id)
);
CREATE INDEX gru_delivery_due ON gru_delivery (next_attempt_at) WHERE next_attempt_at IS NOT NULL;

-- How far each subscriber has looked into each tenant's log: the last event seen, in feed order
-- (transaction id, request, position); the relay reads what follows, below the commit watermark.
CREATE TABLE gru_delivery_feed (
    tenant_id  text   NOT NULL,
    subscriber text   NOT NULL,
    tx         xid8   NOT NULL,
    request_id uuid   NOT NULL,
    position   bigint NOT NULL,
    PRIMARY KEY (tenant_id, subscriber)
);

-- Events a subscriber refused for good (or past the attempts): the cursor moved past them.
CREATE TABLE gru_dead_letter (
    tenant_id   text        NOT NULL,
    subscriber  text        NOT NULL,
    request_id  uuid        NOT NULL,
    webhook_seq bigint      NOT NULL,
    event_id    uuid        NOT NULL,
    attempts    integer     NOT NULL,
    last_error  text,
    dead_at     timestamptz NOT NULL,
    retry_at    timestamptz,          -- set by retryDead: due again
    PRIMARY KEY (tenant_id, subscriber, request_id, webhook_seq)
);

-- Copies what the old tables hold and the log does not. Idempotent (it only inserts what is missing and
-- refreshes the cursors from the outbox): the migration that moves the stores to the log runs it again
-- for rows written in between.
CREATE FUNCTION gru_copy_to_request_event_log() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    -- The audit chains, hash for hash. A history line (matched by the chained details.sequence) gives its
    -- reason, whose digest (reasonSha256) the entry already chains; an anonymised line (reason erased)
    -- gives nothing. The usager is the one whose timeline showed the line. The key of the command that
    -- produced the version goes on its event. The outbox events written with it (same request, same
    -- instant) give their first stream sequence and, while they still have it (pending or dead), their
    -- event, so the relay can still send it.
    WITH ev AS (
        SELECT DISTINCT ON (tenant_id, aggregate_id, event_id)
               tenant_id, aggregate_id, occurred_at, event_id, stream_seq,
               CASE WHEN starts_with(payload::text, '{"payloadSha256":') THEN NULL
                    ELSE jsonb_build_object('type', event_type, 'event', payload::jsonb -> 'event') END AS event
          FROM gru_outbox WHERE aggregate_type = 'request'
         ORDER BY tenant_id, aggregate_id, event_id, starts_with(payload::text, '{"payloadSha256":'), stream_seq),
    obx AS (
        SELECT tenant_id, aggregate_id, occurred_at, min(stream_seq) AS first_seq,
               jsonb_agg(event ORDER BY stream_seq) FILTER (WHERE event IS NOT NULL) AS events
          FROM ev GROUP BY tenant_id, aggregate_id, occurred_at)
    INSERT INTO gru_request_event (tenant_id, request_id, position, type, actor, channel, occurred_at, details,
                                   payload, previous_hash, hash, usager_id, webhook_seq, idempotency_key,
                                   fingerprint)
    SELECT a.tenant_id, a.request_id, a.position, a.action, a.actor, a.channel, a.occurred_at, a.details,
           CASE WHEN h.reason IS NULL AND (a.details::jsonb -> 'reasonSha256') IS NOT NULL THEN NULL
                ELSE (jsonb_strip_nulls(jsonb_build_object('reason', h.reason, 'events', o.events)))::json END,
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

    -- The timeline lines now read from the log.
    DELETE FROM gru_timeline t USING gru_request_event e
     WHERE e.usager_id IS NOT NULL AND t.tenant_id = e.tenant_id AND t.usager_id = e.usager_id
       AND t.occurred_at = e.occurred_at AND t.entry_id = gru_event_entry_id(e.type, e.request_id, e.details);

    -- Cursors: done up to the sequence before the first pending event (dead ones do not hold it back).
    INSERT INTO gru_delivery (tenant_id, subscriber, request_id, delivered_seq, attempts, next_attempt_at, last_error)
    SELECT s.tenant_id, s.subscriber, s.aggregate_id::uuid,
           coalesce(p.stream_seq - 1, s.last_seq),
           coalesce(p.attempts, 0), p.next_attempt_at, p.last_error
      FROM (SELECT tenant_id, subscriber, aggregate_id, max(stream_seq) AS last_seq
              FROM gru_outbox WHERE aggregate_type = 'request' GROUP BY tenant_id, subscriber, aggregate_id) s
      LEFT JOIN LATERAL (SELECT stream_seq, attempts, next_attempt_at, last_error FROM gru_outbox o
                          WHERE o.subscriber = s.subscriber AND o.tenant_id = s.tenant_id
                            AND o.aggregate_type = 'request' AND o.aggregate_id = s.aggregate_id
                            AND o.status = 'PENDING'
                          ORDER BY o.stream_seq LIMIT 1) p ON true
    ON CONFLICT (tenant_id, subscriber, request_id) DO UPDATE
       SET delivered_seq = excluded.delivered_seq, attempts = excluded.attempts,
           next_attempt_at = excluded.next_attempt_at, last_error = excluded.last_error, lease = NULL;

    INSERT INTO gru_dead_letter (tenant_id, subscriber, request_id, webhook_seq, event_id, attempts, last_error,
                                 dead_at)
    SELECT tenant_id, subscriber, aggregate_id::uuid, stream_seq, event_id, attempts, last_error,
           coalesce(dead_at, now())
      FROM gru_outbox WHERE aggregate_type = 'request' AND status = 'DEAD'
    ON CONFLICT DO NOTHING;

    -- The feed starts after what was copied (this transaction's events): their deliveries are above.
    INSERT INTO gru_delivery_feed (tenant_id, subscriber, tx, request_id, position)
    SELECT DISTINCT tenant_id, subscriber, pg_current_xact_id(), 'ffffffff-ffff-ffff-ffff-ffffffffffff'::uuid,
           9223372036854775807
      FROM gru_outbox WHERE aggregate_type = 'request'
    ON CONFLICT (tenant_id, subscriber) DO UPDATE SET tx = excluded.tx, request_id = excluded.request_id,
                                                      position = excluded.position;
END
$$;

SELECT gru_copy_to_request_event_log();
