-- OpenGRU core, V3: retention (RGPD) columns on requests.
ALTER TABLE gru_request
    ADD COLUMN closed_at     timestamptz,
    ADD COLUMN archived_at   timestamptz,
    ADD COLUMN anonymised_at timestamptz;

CREATE INDEX gru_request_closed ON gru_request (tenant_id, procedure_code, closed_at)
    WHERE closed_at IS NOT NULL AND anonymised_at IS NULL;
