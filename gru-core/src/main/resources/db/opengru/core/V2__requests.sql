-- OpenGRU core, V2: requests (demandes), their history, idempotency records and reference numbers.
-- The request's full state is the JSON document; the other columns are indexed copies for queries.

-- Reference numbers for the short human references: one database sequence shared by every node (never
-- a JVM counter). Gaps are fine, repeats are impossible.
CREATE SEQUENCE gru_reference_seq AS bigint MINVALUE 0 START WITH 0 MAXVALUE 268435455 NO CYCLE;

CREATE TABLE gru_request (
    tenant_id       text        NOT NULL,
    id              uuid        NOT NULL,
    reference       text        NOT NULL,
    procedure_code  text        NOT NULL,
    procedure_ver   integer     NOT NULL,
    team_id         text        NOT NULL,
    applicant_id    uuid        NOT NULL,
    status          text        NOT NULL,
    version         bigint      NOT NULL CHECK (version >= 1),
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    received_at     timestamptz,
    decided_at      timestamptz,
    implicit        boolean     NOT NULL DEFAULT false,
    deadline_due_at timestamptz,
    deadline_active boolean     NOT NULL DEFAULT false,
    document        json        NOT NULL, -- read back whole, never queried: json skips jsonb's conversion
    PRIMARY KEY (tenant_id, id),
    CONSTRAINT gru_request_reference UNIQUE (tenant_id, reference)
);
CREATE INDEX gru_request_applicant ON gru_request (tenant_id, applicant_id, id DESC);
CREATE INDEX gru_request_team ON gru_request (tenant_id, team_id, id DESC);
CREATE INDEX gru_request_due ON gru_request (tenant_id, deadline_due_at, id)
    WHERE deadline_active AND status IN ('SUBMITTED', 'IN_REVIEW');
-- Open-data statistics select by reception date; drafts (not received yet) stay out of the index.
CREATE INDEX gru_request_received ON gru_request (tenant_id, received_at) WHERE received_at IS NOT NULL;

CREATE TABLE gru_request_history (
    tenant_id   text        NOT NULL,
    request_id  uuid        NOT NULL,
    sequence    integer     NOT NULL CHECK (sequence >= 1),
    at          timestamptz NOT NULL,
    actor       text        NOT NULL,
    channel     text        NOT NULL,
    action      text        NOT NULL,
    from_status text,
    to_status   text        NOT NULL,
    reason      text,
    implicit    boolean     NOT NULL,
    document    json        NOT NULL, -- read back whole: json skips jsonb's conversion on every write
    PRIMARY KEY (tenant_id, request_id, sequence)
);

-- Idempotency records: written in the same transaction as the change they stand for.
CREATE TABLE gru_idempotency (
    tenant_id      text        NOT NULL,
    key            text        NOT NULL,
    fingerprint    text        NOT NULL,
    request_id     uuid        NOT NULL,
    result_version bigint      NOT NULL,
    at             timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, key)
);
