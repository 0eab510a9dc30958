-- OpenGRU core, V1: transactional outbox, hash-chained audit trail, 360° timeline, consent ledger.
-- Plain PostgreSQL (13+). Apply with Flyway (locations=classpath:db/opengru/core) or by hand in order.

-- Outbox: one row per event and subscriber. Ordering per aggregate comes from gru_outbox_stream, whose
-- row is locked by the appending transaction until it ends, so stream_seq follows commit order.
CREATE TABLE gru_outbox_stream (
    tenant_id      text   NOT NULL,
    aggregate_type text   NOT NULL,
    aggregate_id   text   NOT NULL,
    last_seq       bigint NOT NULL,
    PRIMARY KEY (tenant_id, aggregate_type, aggregate_id)
);

CREATE TABLE gru_outbox (
    id              bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id        uuid        NOT NULL,
    subscriber      text        NOT NULL,
    tenant_id       text        NOT NULL,
    aggregate_type  text        NOT NULL,
    aggregate_id    text        NOT NULL,
    stream_seq      bigint      NOT NULL,
    event_type      text        NOT NULL,
    occurred_at     timestamptz NOT NULL,
    payload         json        NOT NULL, -- json keeps the text as written (what was signed stays exact)
    status          text        NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'DELIVERED', 'DEAD')),
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    last_error      text,
    delivered_at    timestamptz,
    CONSTRAINT gru_outbox_event_subscriber UNIQUE (event_id, subscriber)
);

-- The relay's scan (due pending rows). One index per stream and subscriber serves both the relay's
-- ordering check (an earlier pending row of the stream: a stream holds few rows) and the listing of a
-- stream; a partial "pending" twin of it would double the index writes of every append.
CREATE INDEX gru_outbox_due ON gru_outbox (next_attempt_at, id) WHERE status = 'PENDING';
CREATE UNIQUE INDEX gru_outbox_stream_seq ON gru_outbox (subscriber, tenant_id, aggregate_type, aggregate_id, stream_seq);

-- Audit trail: append-only and hash-chained per request. No personal data in any column.
CREATE TABLE gru_audit (
    tenant_id     text        NOT NULL,
    request_id    uuid        NOT NULL,
    position      bigint      NOT NULL CHECK (position >= 0),
    occurred_at   timestamptz NOT NULL,
    actor         text        NOT NULL,
    action        text        NOT NULL,
    channel       text        NOT NULL,
    details       json        NOT NULL, -- read back whole (the hash is over the parsed map, not this text)
    previous_hash char(64)    NOT NULL,
    hash          char(64)    NOT NULL,
    PRIMARY KEY (tenant_id, request_id, position)
);

CREATE FUNCTION gru_audit_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'gru_audit is append-only: % refused', TG_OP
        USING ERRCODE = 'insufficient_privilege',
              HINT = 'audit entries are never updated nor deleted; see docs/persistence.md';
END
$$;

-- Fires for every role, the application's included; only the table owner can disable it, which an
-- auditor then sees as a broken chain (AuditTrail.verify).
CREATE TRIGGER gru_audit_append_only BEFORE UPDATE OR DELETE ON gru_audit
    FOR EACH ROW EXECUTE FUNCTION gru_audit_refuse_change();
CREATE TRIGGER gru_audit_no_truncate BEFORE TRUNCATE ON gru_audit
    FOR EACH STATEMENT EXECUTE FUNCTION gru_audit_refuse_change();

-- 360° timeline of an usager: keyset-paginated newest first over the primary key.
CREATE TABLE gru_timeline (
    tenant_id   text        NOT NULL,
    usager_id   uuid        NOT NULL,
    occurred_at timestamptz NOT NULL,
    entry_id    text        COLLATE "C" NOT NULL,
    module      text        NOT NULL,
    kind        text        NOT NULL,
    subject_id  text,
    channel     text,
    summary     text        NOT NULL,
    PRIMARY KEY (tenant_id, usager_id, occurred_at, entry_id)
);

-- Consent ledger: append-only; the current state of a purpose is its latest row.
CREATE TABLE gru_consent (
    id           bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id    text        NOT NULL,
    usager_id    uuid        NOT NULL,
    purpose      text        NOT NULL,
    granted      boolean     NOT NULL,
    recorded_at  timestamptz NOT NULL,
    text_version text        NOT NULL,
    channel      text        NOT NULL
);
CREATE INDEX gru_consent_usager ON gru_consent (tenant_id, usager_id, purpose, recorded_at);
