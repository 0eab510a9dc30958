-- OpenGRU documents, V1: vault metadata, wrapped data keys (apart, for crypto-shredding), reuse consents, attachments.

CREATE TABLE gru_document (
    tenant_id   text        NOT NULL,
    document_id uuid        NOT NULL,
    owner_id    uuid        NOT NULL,
    type_code   text        NOT NULL,
    created_at  timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, document_id)
);
CREATE INDEX gru_document_owner ON gru_document (tenant_id, owner_id, created_at);

CREATE TABLE gru_document_version (
    tenant_id         text        NOT NULL,
    document_id       uuid        NOT NULL,
    version           int         NOT NULL CHECK (version >= 1),
    blob_key          text        NOT NULL UNIQUE,
    file_name         text        NOT NULL,
    media_type        text        NOT NULL,
    size_bytes        bigint      NOT NULL CHECK (size_bytes > 0),
    sha256            char(64)    NOT NULL,
    channel           text        NOT NULL,
    uploaded_by       text        NOT NULL,
    uploaded_at       timestamptz NOT NULL,
    issue_date        date,
    expiry_date       date,
    holder_birth_date date,
    verification      text        NOT NULL CHECK (verification IN ('UNVERIFIED', 'VERIFIED', 'REJECTED')),
    verified_by       text,
    verified_at       timestamptz,
    rejection_reason  text,
    PRIMARY KEY (tenant_id, document_id, version),
    FOREIGN KEY (tenant_id, document_id) REFERENCES gru_document (tenant_id, document_id) ON DELETE CASCADE
);

-- The wrapped data keys, one per version. Deleting a row makes that file unreadable for good.
CREATE TABLE gru_document_key (
    tenant_id   text  NOT NULL,
    document_id uuid  NOT NULL,
    version     int   NOT NULL,
    key_id      text  NOT NULL,
    wrapped_key bytea NOT NULL,
    PRIMARY KEY (tenant_id, document_id, version),
    FOREIGN KEY (tenant_id, document_id, version)
        REFERENCES gru_document_version (tenant_id, document_id, version) ON DELETE CASCADE
);
CREATE INDEX gru_document_key_rotation ON gru_document_key (key_id);

-- Consent to reuse documents for one request: append-only.
CREATE TABLE gru_document_consent (
    id           bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id    text        NOT NULL,
    usager_id    uuid        NOT NULL,
    request_id   uuid        NOT NULL,
    procedure    text        NOT NULL,
    document_ids uuid[]      NOT NULL,
    granted_by   text        NOT NULL,
    granted_at   timestamptz NOT NULL,
    channel      text        NOT NULL
);
CREATE INDEX gru_document_consent_request ON gru_document_consent (tenant_id, request_id, id);

-- A stored document attached to a request: a reference, not a copy (no foreign key: it survives erasure).
CREATE TABLE gru_document_attachment (
    id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id   text        NOT NULL,
    request_id  uuid        NOT NULL,
    piece       text        NOT NULL,
    document_id uuid        NOT NULL,
    version     int         NOT NULL,
    attached_by text        NOT NULL,
    attached_at timestamptz NOT NULL,
    UNIQUE (tenant_id, request_id, piece, document_id)
);
CREATE INDEX gru_document_attachment_document ON gru_document_attachment (tenant_id, document_id, id);
