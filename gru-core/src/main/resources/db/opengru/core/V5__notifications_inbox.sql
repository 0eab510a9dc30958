-- OpenGRU core, V5 (channels, issue 7): notifications with their delivery state, preferences, in-app inbox.
-- High version numbers keep clear of the V1..Vn series of the persistence scripts.

-- One row per notification: the columns the queries need, and the whole notification as a JSON document.
-- The unique source key de-duplicates a notice handed twice (same event, usager and kind).
CREATE TABLE gru_notification (
    id                 uuid        PRIMARY KEY,
    tenant_id          text        NOT NULL,
    usager_id          uuid        NOT NULL,
    source_event_id    uuid        NOT NULL,
    kind               text        NOT NULL,
    occurred_at        timestamptz NOT NULL,
    request_id         uuid,
    appointment_id     text,
    appointment_status text,
    status             text        NOT NULL
        CHECK (status IN ('QUEUED', 'SENT', 'DELIVERED', 'FAILED', 'SUPPRESSED')),
    channel            text,
    created_at         timestamptz NOT NULL,
    next_attempt_at    timestamptz NOT NULL,
    provider_ids       text[]      NOT NULL DEFAULT '{}',
    document           json        NOT NULL,
    CONSTRAINT gru_notification_source UNIQUE (tenant_id, source_event_id, usager_id, kind)
);
CREATE INDEX gru_notification_due ON gru_notification (next_attempt_at, id) WHERE status = 'QUEUED';
CREATE INDEX gru_notification_usager ON gru_notification (tenant_id, usager_id, created_at DESC, id DESC);
CREATE INDEX gru_notification_appointment ON gru_notification (tenant_id, appointment_id, occurred_at)
    WHERE appointment_id IS NOT NULL;
CREATE INDEX gru_notification_provider ON gru_notification USING gin (provider_ids);

CREATE TABLE gru_notification_preferences (
    tenant_id text  NOT NULL,
    usager_id uuid  NOT NULL,
    document  jsonb NOT NULL,
    PRIMARY KEY (tenant_id, usager_id)
);

-- The in-app inbox, kept with the usager; keyset-paginated newest first.
CREATE TABLE gru_inbox (
    id         uuid        PRIMARY KEY,
    tenant_id  text        NOT NULL,
    usager_id  uuid        NOT NULL,
    kind       text        NOT NULL,
    request_id uuid,
    title      text        NOT NULL,
    body       text        NOT NULL,
    created_at timestamptz NOT NULL,
    read_at    timestamptz
);
CREATE INDEX gru_inbox_usager ON gru_inbox (tenant_id, usager_id, created_at DESC, id DESC);
CREATE INDEX gru_inbox_unread ON gru_inbox (tenant_id, usager_id) WHERE read_at IS NULL;
