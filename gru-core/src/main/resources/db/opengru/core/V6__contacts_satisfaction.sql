-- OpenGRU core, V6 (channels, issue 7): contacts through every channel, satisfaction surveys.

-- Phone calls, counter visits, letters and e-mails outside a request thread; the triage queue and the
-- quarantine of inbound mail are contacts in those statuses.
CREATE TABLE gru_contact (
    id            uuid        PRIMARY KEY,
    tenant_id     text        NOT NULL,
    usager_id     uuid,
    request_id    uuid,
    channel       text        NOT NULL,
    direction     text        NOT NULL CHECK (direction IN ('INBOUND', 'OUTBOUND')),
    subject       text        NOT NULL,
    summary       text        NOT NULL,
    recorded_by   text,
    occurred_at   timestamptz NOT NULL,
    recorded_at   timestamptz NOT NULL,
    status        text        NOT NULL CHECK (status IN ('RECORDED', 'TO_TRIAGE', 'QUARANTINED', 'TRIAGED')),
    reason        text,
    document_refs text[]      NOT NULL DEFAULT '{}',
    external_ref  text
);
-- The same e-mail (Message-ID) recorded twice keeps one contact.
CREATE UNIQUE INDEX gru_contact_external ON gru_contact (tenant_id, external_ref) WHERE external_ref IS NOT NULL;
CREATE INDEX gru_contact_usager ON gru_contact (tenant_id, usager_id, occurred_at DESC, id DESC)
    WHERE usager_id IS NOT NULL;
CREATE INDEX gru_contact_request ON gru_contact (tenant_id, request_id, occurred_at) WHERE request_id IS NOT NULL;
CREATE INDEX gru_contact_status ON gru_contact (tenant_id, status, recorded_at) WHERE status IN ('TO_TRIAGE', 'QUARANTINED');

CREATE TABLE gru_survey_invitation (
    id             uuid        PRIMARY KEY,
    tenant_id      text        NOT NULL,
    usager_id      uuid        NOT NULL,
    occasion       text        NOT NULL,
    subject_id     text        NOT NULL,
    procedure_code text        NOT NULL,
    channel        text        NOT NULL,
    issued_at      timestamptz NOT NULL,
    expires_at     timestamptz NOT NULL,
    CONSTRAINT gru_survey_once UNIQUE (tenant_id, occasion, subject_id)
);

-- No usager id here: the statistics need none.
CREATE TABLE gru_survey_response (
    invitation_id  uuid        PRIMARY KEY REFERENCES gru_survey_invitation (id),
    tenant_id      text        NOT NULL,
    occasion       text        NOT NULL,
    procedure_code text        NOT NULL,
    channel        text        NOT NULL,
    score          smallint    NOT NULL CHECK (score BETWEEN 1 AND 5),
    comment        text,
    answered_at    timestamptz NOT NULL
);
CREATE INDEX gru_survey_response_period ON gru_survey_response (tenant_id, answered_at);
