-- OpenGRU scheduling, V11: one event log for reservations, registrations and booking payments (issue 22,
-- docs/persistence.md "Reservations, registrations and booking payments"), as V8 and V10 did for bookings.
-- Each change of an item writes its item row and one row of scheduling_item_event: the audit trail is read
-- from it, hash-chained, and the webhook event is taken from it by gru-core's relay (through the views
-- below), so nothing is copied into gru_outbox any more. The item row holds the head of its chain
-- (audit_head), how many events it has (event_count) and its last webhook sequence (webhook_seq).
-- scheduling_item_trail's rows are copied in and the table dropped: the fact is kept once. Every key leads
-- with tenant_id (distribution by collectivité).
--
-- The hash is computed by PostgreSQL inside the event's statement, from the head on the item row the change
-- has locked (no read first); ItemEventHashes (Java) re-computes it to verify. Same encoding as V8: every
-- field is text, length-prefixed by its UTF-8 byte count, times as microseconds since the epoch, an absent
-- value as "-;". STABLE, as V8 explains, so that PostgreSQL inlines it.
CREATE FUNCTION scheduling_item_event_hash(
        tenant text, item_type text, item uuid, pos integer, event_id uuid, action text, kind text, actor text,
        occurred_at timestamptz, from_status text, to_status text, event_type text, event text,
        detail_sha256 text, previous text) RETURNS text LANGUAGE sql STABLE AS $$
    SELECT encode(sha256(convert_to(
        scheduling_field('gru-item-event-v1') || scheduling_field(tenant) || scheduling_field(item_type)
        || scheduling_field(item::text) || scheduling_field(pos::text) || scheduling_field(event_id::text)
        || scheduling_field(action) || scheduling_field(kind) || scheduling_field(actor)
        || scheduling_field((extract(epoch FROM occurred_at) * 1000000)::bigint::text)
        || scheduling_field(from_status) || scheduling_field(to_status) || scheduling_field(event_type)
        || scheduling_field(event) || scheduling_field(detail_sha256) || scheduling_field(previous), 'UTF8')), 'hex')
$$;

CREATE TABLE scheduling_item_event (
    tenant_id     text        NOT NULL,  -- the collectivité leads every key
    item_type     text        NOT NULL CHECK (item_type IN ('reservation', 'registration', 'booking_payment')),
    item_id       uuid        NOT NULL,  -- the reservation, registration or booking payment (its hold)
    position      integer     NOT NULL CHECK (position >= 0), -- 0, 1... in the item's order
    event_id      uuid        NOT NULL,  -- the domain event's id when the change is told, else a fresh one
    action        text        NOT NULL,  -- request, approve, register, promote, pay...
    kind          text,                  -- the domain event's kind (REQUESTED, OFFERED...), NULL when not told
    actor         text        NOT NULL,  -- pseudonymous ActorRef
    occurred_at   timestamptz NOT NULL,
    from_status   text,
    to_status     text        NOT NULL,
    event_type    text,                  -- the webhook's event type (scheduling.reservation.approved...)
    event         json,                  -- the webhook's event: ids, times, statuses, no personal data
    webhook_seq   bigint      CHECK (webhook_seq > 0), -- numbered per item among told changes, NULL otherwise
    detail_sha256 char(64),              -- chained in place of the detail
    detail        text,                  -- personal: a reason, a piece's or payment's reference; NULL once erased
    previous_hash char(64)    NOT NULL,
    hash          char(64)    NOT NULL,
    tx            xid8        NOT NULL DEFAULT pg_current_xact_id(), -- commit order, for a relay's feed
    PRIMARY KEY (tenant_id, item_type, item_id, position),
    CONSTRAINT scheduling_item_event_detail_digest CHECK (detail IS NULL OR detail_sha256 IS NOT NULL),
    CONSTRAINT scheduling_item_event_told CHECK ((webhook_seq IS NULL) = (event_type IS NULL))
);
-- A relay's feed per item type: events of a tenant past its cursor, below the commit watermark.
CREATE INDEX scheduling_item_event_feed ON scheduling_item_event (tenant_id, item_type, tx, item_id, position);

-- Append-only for every role, except erasure: detail may only become NULL (as V8's bookings).
CREATE FUNCTION scheduling_item_event_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND NEW.detail IS NULL
       AND (NEW.tenant_id, NEW.item_type, NEW.item_id, NEW.position, NEW.event_id, NEW.action, NEW.kind, NEW.actor,
            NEW.occurred_at, NEW.from_status, NEW.to_status, NEW.event_type, NEW.event::text, NEW.webhook_seq,
            NEW.detail_sha256, NEW.previous_hash, NEW.hash, NEW.tx)
           IS NOT DISTINCT FROM
           (OLD.tenant_id, OLD.item_type, OLD.item_id, OLD.position, OLD.event_id, OLD.action, OLD.kind, OLD.actor,
            OLD.occurred_at, OLD.from_status, OLD.to_status, OLD.event_type, OLD.event::text, OLD.webhook_seq,
            OLD.detail_sha256, OLD.previous_hash, OLD.hash, OLD.tx) THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'scheduling_item_event is append-only: % refused (only erasing detail is allowed)', TG_OP
        USING ERRCODE = 'insufficient_privilege',
              HINT = 'events are never changed nor deleted; see docs/persistence.md';
END
$$;
CREATE TRIGGER scheduling_item_event_append_only BEFORE UPDATE OR DELETE ON scheduling_item_event
    FOR EACH ROW EXECUTE FUNCTION scheduling_item_event_refuse_change();
CREATE TRIGGER scheduling_item_event_no_truncate BEFORE TRUNCATE ON scheduling_item_event
    FOR EACH STATEMENT EXECUTE FUNCTION scheduling_item_event_refuse_change();

-- The head of each item's chain, its length and its last webhook sequence.
ALTER TABLE scheduling_reservation
    ADD COLUMN audit_head char(64), ADD COLUMN event_count integer NOT NULL DEFAULT 0,
    ADD COLUMN webhook_seq bigint NOT NULL DEFAULT 0;
ALTER TABLE scheduling_registration
    ADD COLUMN audit_head char(64), ADD COLUMN event_count integer NOT NULL DEFAULT 0,
    ADD COLUMN webhook_seq bigint NOT NULL DEFAULT 0;
ALTER TABLE scheduling_booking_payment
    ADD COLUMN audit_head char(64), ADD COLUMN event_count integer NOT NULL DEFAULT 0,
    ADD COLUMN webhook_seq bigint NOT NULL DEFAULT 0;

-- The existing trails, in order (their bigserial id), each entry becoming the event at its position. A told
-- change (an action ReservationEvent or RegistrationEvent tells) is found by its outbox row (aggregate type
-- the item type, its event occurring at the entry's time, the n-th told of that instant for the n-th told
-- entry): its id, type, sequence and, while the row still has its payload, its event. Without one (no
-- subscriber, or a change not told), a fresh id and no webhook event.
DO $$
DECLARE
    r record;
    prev text;
    h text;
    digest text;
    last_key text;
    last_tenant text;
    last_type text;
    last_item uuid;
BEGIN
    FOR r IN
        WITH trail AS (
            SELECT a.*, (row_number() OVER (PARTITION BY a.tenant_id, a.item_type, a.item_id ORDER BY a.id) - 1)::integer AS pos,
                   a.item_type <> 'booking_payment' AND a.action IN ('request', 'approve', 'reject', 'register',
                       'promote', 'confirm_payment', 'duplicate_payment_refund_due', 'cancel', 'expire_hold',
                       'record_refund', 'receive_deposit', 'return_deposit', 'record_deposit_returned',
                       'keep_deposit') AS told
              FROM scheduling_item_trail a),
        trail_told AS (
            SELECT t.*, row_number() OVER (PARTITION BY t.tenant_id, t.item_type, t.item_id, t.at, t.told
                                               ORDER BY t.id) AS nth
              FROM trail t),
        told AS (
            SELECT DISTINCT ON (o.tenant_id, o.aggregate_type, o.aggregate_id, o.stream_seq) o.tenant_id,
                   o.aggregate_type, o.aggregate_id::uuid AS item_id, o.stream_seq, o.event_id, o.event_type,
                   o.occurred_at, CASE WHEN starts_with(o.payload::text, '{"payloadSha256":') THEN NULL
                                       ELSE (o.payload::json -> 'event')::text END AS event
              FROM gru_outbox o WHERE o.aggregate_type IN ('reservation', 'registration', 'booking_payment')
             ORDER BY o.tenant_id, o.aggregate_type, o.aggregate_id, o.stream_seq,
                      starts_with(o.payload::text, '{"payloadSha256":')),
        ev AS (
            SELECT t.*, row_number() OVER (PARTITION BY t.tenant_id, t.aggregate_type, t.item_id, t.occurred_at
                                               ORDER BY t.stream_seq) AS nth
              FROM told t)
        SELECT t.tenant_id, t.item_type, t.item_id, t.pos, coalesce(e.event_id, gen_random_uuid()) AS event_id,
               t.action, CASE WHEN e.event_type IS NULL THEN NULL
                              ELSE coalesce(e.event::json ->> 'kind', upper(regexp_replace(e.event_type, '^.*\.', '')))
                         END AS kind,
               t.actor, t.at, t.from_status, t.to_status, e.event_type, e.event, e.stream_seq, t.detail
          FROM trail_told t
          LEFT JOIN ev e ON t.told AND e.tenant_id = t.tenant_id AND e.aggregate_type = t.item_type
                        AND e.item_id = t.item_id AND e.occurred_at = t.at AND e.nth = t.nth
         ORDER BY t.tenant_id, t.item_type, t.item_id, t.pos
    LOOP
        IF last_item IS DISTINCT FROM r.item_id OR last_type IS DISTINCT FROM r.item_type
           OR last_tenant IS DISTINCT FROM r.tenant_id THEN
            prev := repeat('0', 64);
            last_tenant := r.tenant_id;
            last_type := r.item_type;
            last_item := r.item_id;
        END IF;
        digest := CASE WHEN r.detail IS NULL THEN NULL ELSE scheduling_digest(r.detail) END;
        h := scheduling_item_event_hash(r.tenant_id, r.item_type, r.item_id, r.pos, r.event_id, r.action, r.kind,
                r.actor, r.at, r.from_status, r.to_status, r.event_type, r.event, digest, prev);
        INSERT INTO scheduling_item_event (tenant_id, item_type, item_id, position, event_id, action, kind, actor,
                occurred_at, from_status, to_status, event_type, event, webhook_seq, detail_sha256, detail,
                previous_hash, hash)
        VALUES (r.tenant_id, r.item_type, r.item_id, r.pos, r.event_id, r.action, r.kind, r.actor, r.at,
                r.from_status, r.to_status, r.event_type, r.event::json, r.stream_seq, digest, r.detail, prev, h);
        prev := h;
    END LOOP;
END
$$;

-- Each item's head, length and last webhook sequence (the outbox's stream, where new events continue).
UPDATE scheduling_reservation i SET audit_head = e.hash, event_count = e.position + 1
  FROM (SELECT DISTINCT ON (tenant_id, item_id) tenant_id, item_id, position, hash FROM scheduling_item_event
         WHERE item_type = 'reservation' ORDER BY tenant_id, item_id, position DESC) e
 WHERE i.tenant_id = e.tenant_id AND i.id = e.item_id;
UPDATE scheduling_registration i SET audit_head = e.hash, event_count = e.position + 1
  FROM (SELECT DISTINCT ON (tenant_id, item_id) tenant_id, item_id, position, hash FROM scheduling_item_event
         WHERE item_type = 'registration' ORDER BY tenant_id, item_id, position DESC) e
 WHERE i.tenant_id = e.tenant_id AND i.id = e.item_id;
UPDATE scheduling_booking_payment i SET audit_head = e.hash, event_count = e.position + 1
  FROM (SELECT DISTINCT ON (tenant_id, item_id) tenant_id, item_id, position, hash FROM scheduling_item_event
         WHERE item_type = 'booking_payment' ORDER BY tenant_id, item_id, position DESC) e
 WHERE i.tenant_id = e.tenant_id AND i.hold_id = e.item_id;
UPDATE scheduling_reservation i SET webhook_seq = s.last_seq
  FROM gru_outbox_stream s
 WHERE s.aggregate_type = 'reservation' AND s.tenant_id = i.tenant_id AND s.aggregate_id = i.id::text;
UPDATE scheduling_registration i SET webhook_seq = s.last_seq
  FROM gru_outbox_stream s
 WHERE s.aggregate_type = 'registration' AND s.tenant_id = i.tenant_id AND s.aggregate_id = i.id::text;

-- The logs as gru-core's relay reads them (EventLogTables' columns), one view per item type told to the
-- webhooks (booking payments never were): each told change is one webhook event, numbered by webhook_seq
-- under the item row's lock, so in commit order per item; its domain event is the one stored, the JSON the
-- outbox copies carried. A change not told, or whose event was pruned before V11, has no payload.
CREATE VIEW scheduling_reservation_webhook AS
SELECT e.tenant_id, e.item_id, e.position, e.occurred_at, e.kind AS type, NULL::json AS details,
       CASE WHEN e.event IS NOT NULL THEN json_build_object('events', json_build_array(
           json_build_object('type', e.event_type, 'event', e.event))) END AS payload,
       e.webhook_seq, e.tx
  FROM scheduling_item_event e WHERE e.item_type = 'reservation';

CREATE VIEW scheduling_registration_webhook AS
SELECT e.tenant_id, e.item_id, e.position, e.occurred_at, e.kind AS type, NULL::json AS details,
       CASE WHEN e.event IS NOT NULL THEN json_build_object('events', json_build_array(
           json_build_object('type', e.event_type, 'event', e.event))) END AS payload,
       e.webhook_seq, e.tx
  FROM scheduling_item_event e WHERE e.item_type = 'registration';

-- Per item type: the relay's cursors, its feed and its dead letters, of V10's shape.
CREATE TABLE scheduling_reservation_delivery (
    tenant_id       text        NOT NULL,
    subscriber      text        NOT NULL,
    item_id         uuid        NOT NULL,
    delivered_seq   bigint      NOT NULL CHECK (delivered_seq >= 0),
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz,
    lease           uuid,
    last_error      text,
    last_seq        bigint      NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, subscriber, item_id)
);
CREATE INDEX scheduling_reservation_delivery_due ON scheduling_reservation_delivery (next_attempt_at)
    WHERE next_attempt_at IS NOT NULL;
CREATE TABLE scheduling_reservation_delivery_feed (
    tenant_id  text   NOT NULL,
    subscriber text   NOT NULL,
    tx         xid8   NOT NULL,
    item_id    uuid   NOT NULL,
    position   bigint NOT NULL,
    PRIMARY KEY (tenant_id, subscriber)
);
CREATE TABLE scheduling_reservation_dead_letter (
    tenant_id   text        NOT NULL,
    subscriber  text        NOT NULL,
    item_id     uuid        NOT NULL,
    webhook_seq bigint      NOT NULL,
    event_id    uuid        NOT NULL,
    attempts    integer     NOT NULL,
    last_error  text,
    dead_at     timestamptz NOT NULL,
    retry_at    timestamptz,
    lease       uuid,
    expired     boolean     NOT NULL DEFAULT false,
    PRIMARY KEY (tenant_id, subscriber, item_id, webhook_seq)
);
CREATE INDEX scheduling_reservation_dead_letter_retry ON scheduling_reservation_dead_letter (retry_at)
    WHERE retry_at IS NOT NULL;
CREATE INDEX scheduling_reservation_dead_letter_event ON scheduling_reservation_dead_letter (event_id);

CREATE TABLE scheduling_registration_delivery (LIKE scheduling_reservation_delivery INCLUDING ALL);
CREATE TABLE scheduling_registration_delivery_feed (LIKE scheduling_reservation_delivery_feed INCLUDING ALL);
CREATE TABLE scheduling_registration_dead_letter (LIKE scheduling_reservation_dead_letter INCLUDING ALL);

-- The items' rows of gru_outbox become cursors and dead letters, as V10 did for bookings: per subscriber and
-- item, done up to the event before the first pending one (everything, when none is pending), owed up to
-- the last; the first pending row's attempts, next attempt and last error carry over.
DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['reservation', 'registration'] LOOP
        EXECUTE format($f$
            INSERT INTO %1$I (tenant_id, subscriber, item_id, delivered_seq, attempts, next_attempt_at, last_error,
                              last_seq)
            SELECT s.tenant_id, s.subscriber, s.aggregate_id::uuid, coalesce(p.stream_seq - 1, s.last_seq),
                   coalesce(p.attempts, 0), p.next_attempt_at, p.last_error, s.last_seq
              FROM (SELECT tenant_id, subscriber, aggregate_id, max(stream_seq) AS last_seq
                      FROM gru_outbox WHERE aggregate_type = %2$L GROUP BY tenant_id, subscriber, aggregate_id) s
              LEFT JOIN LATERAL (SELECT stream_seq, attempts, next_attempt_at, last_error FROM gru_outbox o
                                  WHERE o.subscriber = s.subscriber AND o.tenant_id = s.tenant_id
                                    AND o.aggregate_type = %2$L AND o.aggregate_id = s.aggregate_id
                                    AND o.status = 'PENDING'
                                  ORDER BY o.stream_seq LIMIT 1) p ON true$f$,
            'scheduling_' || t || '_delivery', t);
        EXECUTE format($f$
            INSERT INTO %1$I (tenant_id, subscriber, item_id, webhook_seq, event_id, attempts, last_error, dead_at,
                              expired)
            SELECT tenant_id, subscriber, aggregate_id::uuid, stream_seq, event_id, attempts, last_error,
                   coalesce(dead_at, now()), starts_with(payload::text, '{"payloadSha256":')
              FROM gru_outbox WHERE aggregate_type = %2$L AND status = 'DEAD'
            ON CONFLICT DO NOTHING$f$,
            'scheduling_' || t || '_dead_letter', t);
        -- Each feed starts after every event logged so far, for every subscriber known (as V10).
        EXECUTE format($f$
            INSERT INTO %1$I (tenant_id, subscriber, tx, item_id, position)
            SELECT t.tenant_id, s.subscriber, pg_current_xact_id(), 'ffffffff-ffff-ffff-ffff-ffffffffffff'::uuid,
                   9223372036854775807
              FROM (SELECT DISTINCT tenant_id FROM scheduling_item_event WHERE item_type = %2$L) t
             CROSS JOIN (SELECT subscriber FROM gru_outbox UNION SELECT subscriber FROM gru_delivery_feed) s$f$,
            'scheduling_' || t || '_delivery_feed', t);
    END LOOP;
END
$$;

-- The copies and their streams are read by nothing now: their state is in the cursors and dead letters, their
-- events in the log (and each item row's webhook_seq). Left in gru_outbox, its relay would send them again.
DELETE FROM gru_outbox WHERE aggregate_type IN ('reservation', 'registration', 'booking_payment');
DELETE FROM gru_outbox_stream WHERE aggregate_type IN ('reservation', 'registration', 'booking_payment');

-- Read by nothing now, and the only other copy of the details: gone (the log holds it all).
DROP TABLE scheduling_item_trail;
