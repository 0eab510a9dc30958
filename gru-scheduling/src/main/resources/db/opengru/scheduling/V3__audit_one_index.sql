-- OpenGRU scheduling: one index on the audit table instead of two. The trail is read per booking in
-- insertion order, which the primary key (tenant_id, booking_id, id) serves alone; each booking then
-- writes one audit index entry fewer.
ALTER TABLE scheduling_audit DROP CONSTRAINT scheduling_audit_pkey;
DROP INDEX scheduling_audit_booking;
ALTER TABLE scheduling_audit ADD PRIMARY KEY (tenant_id, booking_id, id);
