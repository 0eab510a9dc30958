-- Rows as gru-scheduling's V7 store wrote them (PostgresBookingStore before V8, one subscriber
-- "logiciel-metier"): the booking row, one scheduling_audit row per change, one gru_outbox row per change
-- (stream_seq = sequence + 1), its payload pruned to its digest once delivered.
--
-- a1...: booked by an usager, moved by an agent, cancelled by the agent with a note; events 1 and 2
--        delivered, event 3 pending.
-- b2...: a hold, expired by the reaper; both events pending.
-- c3...: booked, cancelled by its usager, then the usager erased (detail cleared, usager detached); no
--        outbox rows (written while no subscriber was configured).
-- d4...: booked, nothing since; its event delivered. Changed after the upgrade by the test.
INSERT INTO scheduling_booking (tenant_id, id, site_id, service_id, resource_id, usager_id, people, starts_at, ends_at,
    busy_start, busy_end, status, hold_expires_at, ants_number, cancel_reason, sequence, idempotency_key,
    cancel_token_hash, created_at, updated_at, hold_limit) VALUES
('commune-v7', 'a1a1a1a1-0000-4000-8000-000000000001', 'mairie', 'passeport', 'guichet-2', '11111111-0000-4000-8000-000000000001', 1,
 '2026-06-10 09:00:00+00', '2026-06-10 09:20:00+00', '2026-06-10 09:00:00+00', '2026-06-10 09:20:00+00', 'CANCELLED_BY_AGENT',
 NULL, NULL, 'Absence de l''agent', 2, 'cle-a1', 'aa', '2026-06-01 08:00:00.123456+00', '2026-06-03 10:00:00+00', NULL),
('commune-v7', 'b2b2b2b2-0000-4000-8000-000000000002', 'mairie', 'passeport', 'guichet-1', '22222222-0000-4000-8000-000000000002', 1,
 '2026-06-11 09:00:00+00', '2026-06-11 09:20:00+00', '2026-06-11 09:00:00+00', '2026-06-11 09:20:00+00', 'EXPIRED',
 NULL, NULL, NULL, 1, NULL, 'bb', '2026-06-01 08:05:00+00', '2026-06-01 08:15:00+00', 2),
('commune-v7', 'c3c3c3c3-0000-4000-8000-000000000003', 'mairie', 'etat-civil', 'guichet-1', '33333333-0000-4000-8000-00000000dead', 1,
 '2026-05-12 09:00:00+00', '2026-05-12 09:20:00+00', '2026-05-12 09:00:00+00', '2026-05-12 09:20:00+00', 'CANCELLED_BY_USAGER',
 NULL, NULL, NULL, 1, NULL, 'cc', '2026-05-01 08:00:00+00', '2026-06-02 08:00:00+00', NULL),
('commune-v7', 'd4d4d4d4-0000-4000-8000-000000000004', 'mairie', 'passeport', 'guichet-1', '44444444-0000-4000-8000-000000000004', 1,
 '2026-06-12 09:00:00+00', '2026-06-12 09:20:00+00', '2026-06-12 09:00:00+00', '2026-06-12 09:20:00+00', 'BOOKED',
 NULL, NULL, NULL, 0, NULL, 'dd', '2026-06-01 09:00:00+00', '2026-06-01 09:00:00+00', NULL);

INSERT INTO scheduling_audit (tenant_id, booking_id, action, actor, at, from_status, to_status, detail) VALUES
('commune-v7', 'a1a1a1a1-0000-4000-8000-000000000001', 'insert', 'usager:11111111-0000-4000-8000-000000000001', '2026-06-01 08:00:00.123456+00', NULL, 'BOOKED', NULL),
('commune-v7', 'b2b2b2b2-0000-4000-8000-000000000002', 'insert', 'usager:22222222-0000-4000-8000-000000000002', '2026-06-01 08:05:00+00', NULL, 'HELD', NULL),
('commune-v7', 'a1a1a1a1-0000-4000-8000-000000000001', 'reschedule', 'agent:mdupont', '2026-06-02 10:00:00+00', 'BOOKED', 'BOOKED', NULL),
('commune-v7', 'c3c3c3c3-0000-4000-8000-000000000003', 'insert', 'usager:33333333-0000-4000-8000-000000000003', '2026-05-01 08:00:00+00', NULL, 'BOOKED', NULL),
('commune-v7', 'b2b2b2b2-0000-4000-8000-000000000002', 'expire_hold', 'system:hold-reaper', '2026-06-01 08:15:00+00', 'HELD', 'EXPIRED', NULL),
('commune-v7', 'c3c3c3c3-0000-4000-8000-000000000003', 'cancel_by_usager', 'usager:33333333-0000-4000-8000-000000000003', '2026-05-02 08:00:00+00', 'BOOKED', 'CANCELLED_BY_USAGER', NULL),
('commune-v7', 'd4d4d4d4-0000-4000-8000-000000000004', 'insert', 'usager:44444444-0000-4000-8000-000000000004', '2026-06-01 09:00:00+00', NULL, 'BOOKED', NULL),
('commune-v7', 'a1a1a1a1-0000-4000-8000-000000000001', 'cancel_by_agent', 'agent:mdupont', '2026-06-03 10:00:00+00', 'BOOKED', 'CANCELLED_BY_AGENT', 'Absence de l''agent');

INSERT INTO gru_outbox (event_id, subscriber, tenant_id, aggregate_type, aggregate_id, stream_seq, event_type, occurred_at,
    payload, status, next_attempt_at, delivered_at) VALUES
('e1000000-0000-4000-8000-000000000001', 'logiciel-metier', 'commune-v7', 'booking', 'a1a1a1a1-0000-4000-8000-000000000001', 1,
 'scheduling.booking.booked', '2026-06-01 08:00:00.123456+00', '{"payloadSha256":"0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f"}',
 'DELIVERED', '2026-06-01 08:00:00.123456+00', '2026-06-01 08:00:01+00'),
('e1000000-0000-4000-8000-000000000002', 'logiciel-metier', 'commune-v7', 'booking', 'a1a1a1a1-0000-4000-8000-000000000001', 2,
 'scheduling.booking.rescheduled', '2026-06-02 10:00:00+00', '{"payloadSha256":"1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f"}',
 'DELIVERED', '2026-06-02 10:00:00+00', '2026-06-02 10:00:01+00'),
('e1000000-0000-4000-8000-000000000003', 'logiciel-metier', 'commune-v7', 'booking', 'a1a1a1a1-0000-4000-8000-000000000001', 3,
 'scheduling.booking.cancelled', '2026-06-03 10:00:00+00',
 '{"event" : {"eventId" : "e1000000-0000-4000-8000-000000000003", "tenant" : "commune-v7", "occurredAt" : "2026-06-03T10:00:00+00:00", "kind" : "CANCELLED", "booking" : "a1a1a1a1-0000-4000-8000-000000000001", "service" : "passeport", "resource" : "guichet-2", "startsAt" : "2026-06-10T09:00:00+00:00", "status" : "CANCELLED_BY_AGENT", "sequence" : 2}}',
 'PENDING', '2026-06-03 10:00:00+00', NULL),
('e2000000-0000-4000-8000-000000000001', 'logiciel-metier', 'commune-v7', 'booking', 'b2b2b2b2-0000-4000-8000-000000000002', 1,
 'scheduling.booking.held', '2026-06-01 08:05:00+00',
 '{"event" : {"eventId" : "e2000000-0000-4000-8000-000000000001", "tenant" : "commune-v7", "occurredAt" : "2026-06-01T08:05:00+00:00", "kind" : "HELD", "booking" : "b2b2b2b2-0000-4000-8000-000000000002", "service" : "passeport", "resource" : "guichet-1", "startsAt" : "2026-06-11T09:00:00+00:00", "status" : "HELD", "sequence" : 0}}',
 'PENDING', '2026-06-01 08:05:00+00', NULL),
('e2000000-0000-4000-8000-000000000002', 'logiciel-metier', 'commune-v7', 'booking', 'b2b2b2b2-0000-4000-8000-000000000002', 2,
 'scheduling.booking.hold_expired', '2026-06-01 08:15:00+00',
 '{"event" : {"eventId" : "e2000000-0000-4000-8000-000000000002", "tenant" : "commune-v7", "occurredAt" : "2026-06-01T08:15:00+00:00", "kind" : "HOLD_EXPIRED", "booking" : "b2b2b2b2-0000-4000-8000-000000000002", "service" : "passeport", "resource" : "guichet-1", "startsAt" : "2026-06-11T09:00:00+00:00", "status" : "EXPIRED", "sequence" : 1}}',
 'PENDING', '2026-06-01 08:15:00+00', NULL),
('e4000000-0000-4000-8000-000000000001', 'logiciel-metier', 'commune-v7', 'booking', 'd4d4d4d4-0000-4000-8000-000000000004', 1,
 'scheduling.booking.booked', '2026-06-01 09:00:00+00', '{"payloadSha256":"2f2f2f2f2f2f2f2f2f2f2f2f2f2f2f2f2f2f2f2f2f2f2f2f2f2f2f2f2f2f2f2f"}',
 'DELIVERED', '2026-06-01 09:00:00+00', '2026-06-01 09:00:01+00');
