-- OpenGRU scheduling, V10: gru-core's relay reads booking events from the booking log (issue 22,
-- docs/persistence.md "Bookings"), as it reads request events since core V18: a booking statement writes the
-- booking row and its event, no gru_outbox copy. The relay keeps a cursor per subscriber and booking
-- (scheduling_booking_delivery), how far it has read each tenant's log (scheduling_booking_delivery_feed) and
-- the events given up on (scheduling_booking_dead_letter), tables of the shape of gru_delivery,
-- gru_delivery_feed and gru_dead_letter (core V17, V18). SchedulingSchema.bookingEventLog() names them for
-- PostgresPersistence.Builder#eventLog. Every key leads with tenant_id (distribution by collectivité).

-- The log as the relay reads it (EventLogTables' columns), computed from each event row, so that a booking
-- writes no more than its event: each change is exactly one webhook event, numbered by its position
-- (webhook_seq = position + 1, the stream sequence the outbox copies had; numbered under the booking row's
-- lock, so in commit order per booking), and the domain event is built here as the copies' payload was
-- (the same json_build_object, so the same JSON text), a move's previous start from the event before it.
CREATE VIEW scheduling_booking_webhook AS
SELECT e.tenant_id, e.booking_id, e.position, e.occurred_at, e.kind AS type, NULL::json AS details,
       json_build_object('events', json_build_array(json_build_object(
           'type', 'scheduling.booking.' || lower(e.kind),
           'event', CASE WHEN e.kind = 'RESCHEDULED' THEN
               json_build_object('eventId', e.event_id, 'tenant', e.tenant_id, 'occurredAt', e.occurred_at,
                   'kind', e.kind, 'booking', e.booking_id, 'service', e.service_id, 'resource', e.resource_id,
                   'startsAt', e.starts_at, 'status', e.to_status, 'sequence', e.position,
                   'previousStartsAt', (SELECT p.starts_at FROM scheduling_booking_event p
                                         WHERE p.tenant_id = e.tenant_id AND p.booking_id = e.booking_id
                                           AND p.position = e.position - 1))
           ELSE
               json_build_object('eventId', e.event_id, 'tenant', e.tenant_id, 'occurredAt', e.occurred_at,
                   'kind', e.kind, 'booking', e.booking_id, 'service', e.service_id, 'resource', e.resource_id,
                   'startsAt', e.starts_at, 'status', e.to_status, 'sequence', e.position)
           END))) AS payload,
       (e.position + 1)::bigint AS webhook_seq, e.tx
  FROM scheduling_booking_event e;

-- One row per subscriber and booking, written by the relay, never by a booking.
CREATE TABLE scheduling_booking_delivery (
    tenant_id       text        NOT NULL,
    subscriber      text        NOT NULL,
    booking_id      uuid        NOT NULL,
    delivered_seq   bigint      NOT NULL CHECK (delivered_seq >= 0), -- webhook sequences done up to here
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz,          -- NULL: nothing owed; else the next try or the lease's end
    lease           uuid,
    last_error      text,
    last_seq        bigint      NOT NULL DEFAULT 0, -- the highest sequence the feed saw
    PRIMARY KEY (tenant_id, subscriber, booking_id)
);
CREATE INDEX scheduling_booking_delivery_due ON scheduling_booking_delivery (next_attempt_at)
    WHERE next_attempt_at IS NOT NULL;

-- How far each subscriber has read each tenant's booking log, in feed order (transaction, booking, position).
CREATE TABLE scheduling_booking_delivery_feed (
    tenant_id  text   NOT NULL,
    subscriber text   NOT NULL,
    tx         xid8   NOT NULL,
    booking_id uuid   NOT NULL,
    position   bigint NOT NULL,
    PRIMARY KEY (tenant_id, subscriber)
);

-- Events a subscriber refused for good (or past the attempts): the cursor moved past them.
CREATE TABLE scheduling_booking_dead_letter (
    tenant_id   text        NOT NULL,
    subscriber  text        NOT NULL,
    booking_id  uuid        NOT NULL,
    webhook_seq bigint      NOT NULL,
    event_id    uuid        NOT NULL,
    attempts    integer     NOT NULL,
    last_error  text,
    dead_at     timestamptz NOT NULL,
    retry_at    timestamptz,                    -- set by retryDead: due again
    lease       uuid,
    expired     boolean     NOT NULL DEFAULT false, -- past the retention: no longer retryable
    PRIMARY KEY (tenant_id, subscriber, booking_id, webhook_seq)
);
CREATE INDEX scheduling_booking_dead_letter_retry ON scheduling_booking_dead_letter (retry_at)
    WHERE retry_at IS NOT NULL;
CREATE INDEX scheduling_booking_dead_letter_event ON scheduling_booking_dead_letter (event_id);

-- The booking rows of gru_outbox become cursors: per subscriber and booking, done up to the event before the
-- first pending one (everything, when none is pending), owed up to the last; the first pending row's attempts,
-- next attempt and last error carry over. Its events are in the log (stream_seq = position + 1 since V8).
INSERT INTO scheduling_booking_delivery (tenant_id, subscriber, booking_id, delivered_seq, attempts,
                                         next_attempt_at, last_error, last_seq)
SELECT s.tenant_id, s.subscriber, s.aggregate_id::uuid, coalesce(p.stream_seq - 1, s.last_seq),
       coalesce(p.attempts, 0), p.next_attempt_at, p.last_error, s.last_seq
  FROM (SELECT tenant_id, subscriber, aggregate_id, max(stream_seq) AS last_seq
          FROM gru_outbox WHERE aggregate_type = 'booking' GROUP BY tenant_id, subscriber, aggregate_id) s
  LEFT JOIN LATERAL (SELECT stream_seq, attempts, next_attempt_at, last_error FROM gru_outbox o
                      WHERE o.subscriber = s.subscriber AND o.tenant_id = s.tenant_id
                        AND o.aggregate_type = 'booking' AND o.aggregate_id = s.aggregate_id
                        AND o.status = 'PENDING'
                      ORDER BY o.stream_seq LIMIT 1) p ON true;

-- Dead rows become dead letters; one whose payload was already pruned (past the retention) is expired.
INSERT INTO scheduling_booking_dead_letter (tenant_id, subscriber, booking_id, webhook_seq, event_id, attempts,
                                            last_error, dead_at, expired)
SELECT tenant_id, subscriber, aggregate_id::uuid, stream_seq, event_id, attempts, last_error,
       coalesce(dead_at, now()), starts_with(payload::text, '{"payloadSha256":')
  FROM gru_outbox WHERE aggregate_type = 'booking' AND status = 'DEAD'
ON CONFLICT DO NOTHING;

-- The feed starts after every event logged so far, for each tenant of the log and each subscriber known (to the
-- outbox, or to the request log's feed): what was copied is in the cursors above, and what was logged without
-- a subscriber was never owed.
-- (A subscriber configured later has no feed cursor and receives every booking's events from the first.)
INSERT INTO scheduling_booking_delivery_feed (tenant_id, subscriber, tx, booking_id, position)
SELECT t.tenant_id, s.subscriber, pg_current_xact_id(), 'ffffffff-ffff-ffff-ffff-ffffffffffff'::uuid,
       9223372036854775807
  FROM (SELECT DISTINCT tenant_id FROM scheduling_booking_event) t
 CROSS JOIN (SELECT subscriber FROM gru_outbox UNION SELECT subscriber FROM gru_delivery_feed) s;

-- The copies are read by nothing now: their state is in the cursors and dead letters, their events in the
-- log. Left in gru_outbox, its relay would send the pending ones a second time.
DELETE FROM gru_outbox WHERE aggregate_type = 'booking';
