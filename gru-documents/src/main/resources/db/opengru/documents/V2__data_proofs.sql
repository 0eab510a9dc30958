-- OpenGRU documents, V2: data proofs recorded with a request in place of a document (a quotient familial
-- obtained from the CAF through API Particulier instead of the CAF certificate). The data as fetched,
-- with its source and date; no file. Kept with the request like an attached document.
CREATE TABLE gru_document_proof (
    tenant_id        text        NOT NULL,
    id               uuid        NOT NULL,
    request_id       uuid        NOT NULL,
    usager_id        uuid        NOT NULL,
    piece            text        NOT NULL,
    source           text        NOT NULL,
    description      text        NOT NULL,
    obtained_at      timestamptz NOT NULL,
    valid_until      date,
    attribute_names  text[]      NOT NULL,
    attribute_values text[]      NOT NULL
        CHECK (cardinality(attribute_values) = cardinality(attribute_names)),
    attached_by      text        NOT NULL,
    attached_at      timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id)
);
CREATE INDEX gru_document_proof_request ON gru_document_proof (tenant_id, request_id, attached_at);
