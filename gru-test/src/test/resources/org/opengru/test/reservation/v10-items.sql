-- Rows as the V10 stores wrote them for a reservation, a registration and a booking payment (subscriber
-- "logiciel-metier"): the item row, one scheduling_item_trail row per change, one gru_outbox row per change
-- told to the webhooks (numbered by gru_outbox_stream), its payload pruned to its digest once delivered.
--
-- a1...: a reservation requested, a piece provided (not told) at the instant it was approved, paid: event 1
--        delivered, 2 and 3 pending.
-- b2...: a registration put on the waiting list, then offered a place: event 1 dead (the receiver refused
--        it three times), event 2 delivered.
-- c3...: a booking payment, created then paid: never told (no outbox row).

INSERT INTO scheduling_reservation (tenant_id, id, reservable_id, usager_id, category, starts_at, ends_at, status,
    price_cents, deposit_cents, required_pieces, piece_codes, piece_refs, hold_expires_at, payment_reference,
    decision_reason, version, created_at, updated_at, deposit_in_payment, deposit_status) VALUES
('commune-v10', 'a1a1a1a1-0000-4000-8000-000000000001', 'salle-des-fetes', '11111111-0000-4000-8000-000000000001',
 'RESIDENT', '2026-07-01 08:00:00+00', '2026-07-01 16:00:00+00', 'CONFIRMED', 10000, 0,
 '{attestation-assurance}', '{attestation-assurance}', '{doc-42}', NULL, 'payfip-op-1', NULL, 3,
 '2026-06-01 08:00:00.123456+00', '2026-06-03 09:00:00+00', false, 'NONE');

INSERT INTO scheduling_item_trail (tenant_id, item_type, item_id, action, actor, at, from_status, to_status, detail) VALUES
('commune-v10', 'reservation', 'a1a1a1a1-0000-4000-8000-000000000001', 'request', 'usager:11111111-0000-4000-8000-000000000001',
 '2026-06-01 08:00:00.123456+00', NULL, 'REQUESTED', NULL),
('commune-v10', 'reservation', 'a1a1a1a1-0000-4000-8000-000000000001', 'provide_piece', 'usager:11111111-0000-4000-8000-000000000001',
 '2026-06-02 10:00:00+00', 'REQUESTED', 'REQUESTED', 'attestation-assurance: doc-42'),
('commune-v10', 'reservation', 'a1a1a1a1-0000-4000-8000-000000000001', 'approve', 'agent:mdupont',
 '2026-06-02 10:00:00+00', 'REQUESTED', 'AWAITING_PAYMENT', NULL),
('commune-v10', 'reservation', 'a1a1a1a1-0000-4000-8000-000000000001', 'confirm_payment', 'system:payfip',
 '2026-06-03 09:00:00+00', 'AWAITING_PAYMENT', 'CONFIRMED', 'payfip-op-1');

INSERT INTO scheduling_event_session (tenant_id, id, event_id, title, starts_at, capacity, taken, per_person_limit,
    cancel_until, price_cents, payment_hold_seconds, teams) VALUES
('commune-v10', 'atelier-1', 'atelier', 'Atelier', '2026-07-10 08:00:00+00', 1, 1, 1, '2026-07-05 08:00:00+00', 5000,
 86400, '{vie-associative}');

INSERT INTO scheduling_registration (tenant_id, id, session_id, event_id, participant_id, registered_by, status,
    price_cents, hold_expires_at, payment_reference, position, version, created_at, updated_at) VALUES
('commune-v10', 'b2b2b2b2-0000-4000-8000-000000000002', 'atelier-1', 'atelier', '22222222-0000-4000-8000-000000000002',
 NULL, 'AWAITING_PAYMENT', 5000, '2026-06-05 10:00:00+00', NULL, 7, 1, '2026-06-01 08:00:00+00',
 '2026-06-04 10:00:00+00');

INSERT INTO scheduling_item_trail (tenant_id, item_type, item_id, action, actor, at, from_status, to_status, detail) VALUES
('commune-v10', 'registration', 'b2b2b2b2-0000-4000-8000-000000000002', 'register', 'usager:22222222-0000-4000-8000-000000000002',
 '2026-06-01 08:00:00+00', NULL, 'WAITING', NULL),
('commune-v10', 'registration', 'b2b2b2b2-0000-4000-8000-000000000002', 'promote', 'system:waiting-list',
 '2026-06-04 10:00:00+00', 'WAITING', 'AWAITING_PAYMENT', NULL);

INSERT INTO scheduling_booking_payment (tenant_id, hold_id, usager_id, starts_at, amount_cents, status, booking_id,
    payment_reference, version, created_at, updated_at) VALUES
('commune-v10', 'c3c3c3c3-0000-4000-8000-000000000003', '33333333-0000-4000-8000-000000000003', '2026-07-02 08:00:00+00',
 2500, 'PAID', 'c3c3c3c3-0000-4000-8000-000000000003', 'payfip-op-9', 1, '2026-06-01 08:00:00+00',
 '2026-06-01 08:10:00+00');

INSERT INTO scheduling_item_trail (tenant_id, item_type, item_id, action, actor, at, from_status, to_status, detail) VALUES
('commune-v10', 'booking_payment', 'c3c3c3c3-0000-4000-8000-000000000003', 'create', 'usager:33333333-0000-4000-8000-000000000003',
 '2026-06-01 08:00:00+00', NULL, 'AWAITING_PAYMENT', NULL),
('commune-v10', 'booking_payment', 'c3c3c3c3-0000-4000-8000-000000000003', 'confirm_payment', 'system:payfip',
 '2026-06-01 08:10:00+00', 'AWAITING_PAYMENT', 'PAID', 'payfip-op-9');

INSERT INTO gru_outbox_stream (tenant_id, aggregate_type, aggregate_id, last_seq) VALUES
('commune-v10', 'reservation', 'a1a1a1a1-0000-4000-8000-000000000001', 3),
('commune-v10', 'registration', 'b2b2b2b2-0000-4000-8000-000000000002', 2);

INSERT INTO gru_outbox (event_id, subscriber, tenant_id, aggregate_type, aggregate_id, stream_seq, event_type, occurred_at,
    payload, status, attempts, next_attempt_at, last_error, delivered_at, dead_at) VALUES
('e1000000-0000-4000-8000-000000000001', 'logiciel-metier', 'commune-v10', 'reservation', 'a1a1a1a1-0000-4000-8000-000000000001', 1,
 'scheduling.reservation.requested', '2026-06-01 08:00:00.123456+00',
 '{"payloadSha256":"0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f"}',
 'DELIVERED', 0, '2026-06-01 08:00:00.123456+00', NULL, '2026-06-01 08:00:01+00', NULL),
('e1000000-0000-4000-8000-000000000002', 'logiciel-metier', 'commune-v10', 'reservation', 'a1a1a1a1-0000-4000-8000-000000000001', 2,
 'scheduling.reservation.approved', '2026-06-02 10:00:00+00',
 '{"event":{"eventId":"e1000000-0000-4000-8000-000000000002","tenant":"commune-v10","occurredAt":"2026-06-02T10:00:00Z","kind":"APPROVED","reservation":"a1a1a1a1-0000-4000-8000-000000000001","reservable":"salle-des-fetes","startsAt":"2026-07-01T08:00:00Z","endsAt":"2026-07-01T16:00:00Z","status":"AWAITING_PAYMENT","deposit":"NONE","version":2}}',
 'PENDING', 2, '2026-06-02 10:05:00+00', 'attempt 2: HTTP 503', NULL, NULL),
('e1000000-0000-4000-8000-000000000003', 'logiciel-metier', 'commune-v10', 'reservation', 'a1a1a1a1-0000-4000-8000-000000000001', 3,
 'scheduling.reservation.paid', '2026-06-03 09:00:00+00',
 '{"event":{"eventId":"e1000000-0000-4000-8000-000000000003","tenant":"commune-v10","occurredAt":"2026-06-03T09:00:00Z","kind":"PAID","reservation":"a1a1a1a1-0000-4000-8000-000000000001","reservable":"salle-des-fetes","startsAt":"2026-07-01T08:00:00Z","endsAt":"2026-07-01T16:00:00Z","status":"CONFIRMED","deposit":"NONE","version":3}}',
 'PENDING', 0, '2026-06-03 09:00:00+00', NULL, NULL, NULL),
('e2000000-0000-4000-8000-000000000001', 'logiciel-metier', 'commune-v10', 'registration', 'b2b2b2b2-0000-4000-8000-000000000002', 1,
 'scheduling.registration.waitlisted', '2026-06-01 08:00:00+00',
 '{"event":{"eventId":"e2000000-0000-4000-8000-000000000001","tenant":"commune-v10","occurredAt":"2026-06-01T08:00:00Z","kind":"WAITLISTED","registration":"b2b2b2b2-0000-4000-8000-000000000002","session":"atelier-1","eventCode":"atelier","status":"WAITING","holdExpiresAt":null,"version":0}}',
 'DEAD', 3, '2026-06-01 08:06:00+00', 'attempt 3: HTTP 500', NULL, '2026-06-01 08:06:00+00'),
('e2000000-0000-4000-8000-000000000002', 'logiciel-metier', 'commune-v10', 'registration', 'b2b2b2b2-0000-4000-8000-000000000002', 2,
 'scheduling.registration.offered', '2026-06-04 10:00:00+00',
 '{"payloadSha256":"1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f"}',
 'DELIVERED', 0, '2026-06-04 10:00:00+00', NULL, '2026-06-04 10:00:01+00', NULL);
