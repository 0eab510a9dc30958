-- OpenGRU core, V15 (channels, issue 25): auto-replies and delivery reports are contacts of their own
-- status, kept out of request threads and shown to agents as such.
ALTER TABLE gru_contact DROP CONSTRAINT gru_contact_status_check;
ALTER TABLE gru_contact ADD CONSTRAINT gru_contact_status_check
    CHECK (status IN ('RECORDED', 'TO_TRIAGE', 'QUARANTINED', 'TRIAGED', 'AUTOMATIC'));
DROP INDEX gru_contact_status;
CREATE INDEX gru_contact_status ON gru_contact (tenant_id, status, recorded_at)
    WHERE status IN ('TO_TRIAGE', 'QUARANTINED', 'AUTOMATIC');
