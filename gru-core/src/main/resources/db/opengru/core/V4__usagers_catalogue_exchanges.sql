-- OpenGRU core, V4: usagers, mandates, teams, the démarche catalogue and exchanges.
-- Full values are JSON documents; the other columns are indexed copies for the queries.

CREATE TABLE gru_usager (
    tenant_id text  NOT NULL,
    id        uuid  NOT NULL,
    kind      text  NOT NULL,
    document  jsonb NOT NULL,
    PRIMARY KEY (tenant_id, id)
);

CREATE TABLE gru_household_member (
    tenant_id    text NOT NULL,
    household_id uuid NOT NULL,
    member_id    uuid NOT NULL,
    PRIMARY KEY (tenant_id, household_id, member_id)
);
CREATE INDEX gru_household_member_by_member ON gru_household_member (tenant_id, member_id);

CREATE TABLE gru_mandate (
    tenant_id         text  NOT NULL,
    id                uuid  NOT NULL,
    representative_id uuid  NOT NULL,
    represented_id    uuid  NOT NULL,
    document          jsonb NOT NULL,
    PRIMARY KEY (tenant_id, id)
);
CREATE INDEX gru_mandate_by_representative ON gru_mandate (tenant_id, representative_id);

CREATE TABLE gru_team (
    tenant_id text  NOT NULL,
    id        text  NOT NULL,
    document  jsonb NOT NULL,
    PRIMARY KEY (tenant_id, id)
);

-- Procedure versions are immutable once defined.
CREATE TABLE gru_procedure (
    tenant_id text    NOT NULL,
    code      text    NOT NULL,
    version   integer NOT NULL,
    document  jsonb   NOT NULL,
    PRIMARY KEY (tenant_id, code, version)
);

CREATE TABLE gru_message (
    tenant_id  text        NOT NULL,
    id         uuid        NOT NULL,
    request_id uuid        NOT NULL,
    posted_at  timestamptz NOT NULL,
    document   jsonb       NOT NULL,
    PRIMARY KEY (tenant_id, id)
);
CREATE INDEX gru_message_thread ON gru_message (tenant_id, request_id, posted_at, id);

CREATE TABLE gru_message_key (
    tenant_id   text NOT NULL,
    key         text NOT NULL,
    fingerprint text NOT NULL,
    message_id  uuid NOT NULL,
    PRIMARY KEY (tenant_id, key)
);

CREATE TABLE gru_read_receipt (
    tenant_id  text        NOT NULL,
    message_id uuid        NOT NULL,
    reader     text        NOT NULL,
    read_at    timestamptz NOT NULL,
    seq        bigint      GENERATED ALWAYS AS IDENTITY,
    PRIMARY KEY (tenant_id, message_id, reader)
);
