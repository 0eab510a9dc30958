-- OpenGRU signalements (gru-reports): a report, its photos, its followers and its history.

-- version guards every write: an UPDATE ... WHERE version = <read> changes one row or none, so two agents
-- (or two nodes) changing one report cannot overwrite each other.
CREATE TABLE report (
    tenant_id   text             NOT NULL,
    id          uuid             NOT NULL,
    category    text             NOT NULL,
    lat         double precision NOT NULL,
    lon         double precision NOT NULL,
    address     text,
    zone        text,
    description text             NOT NULL,
    status      text             NOT NULL,
    team_id     text             NOT NULL,
    created_at  timestamptz      NOT NULL,
    received_at timestamptz,
    resolved_at timestamptz,
    merged_into uuid,
    version     bigint           NOT NULL,
    PRIMARY KEY (tenant_id, id),
    CONSTRAINT report_status CHECK (status IN ('AWAITING_VERIFICATION', 'RECEIVED', 'IN_PROGRESS', 'RESOLVED', 'REJECTED')),
    CONSTRAINT report_lat CHECK (lat BETWEEN -90 AND 90),
    CONSTRAINT report_lon CHECK (lon BETWEEN -180 AND 180),
    CONSTRAINT report_filed CHECK ((status = 'AWAITING_VERIFICATION') = (received_at IS NULL))
);

-- The duplicate proposal: open reports of a category in a box around the point.
CREATE INDEX report_open_near ON report (tenant_id, category, lat, lon) WHERE status IN ('RECEIVED', 'IN_PROGRESS');
-- The agents' list, newest first.
CREATE INDEX report_created ON report (tenant_id, created_at DESC);
-- The open data and the purge.
CREATE INDEX report_closed ON report (tenant_id, resolved_at) WHERE status IN ('RESOLVED', 'REJECTED');

CREATE TABLE report_photo (
    tenant_id  text    NOT NULL,
    report_id  uuid    NOT NULL,
    position   integer NOT NULL,
    blob_key   text    NOT NULL,
    media_type text    NOT NULL,
    size_bytes bigint  NOT NULL,
    PRIMARY KEY (tenant_id, report_id, position),
    FOREIGN KEY (tenant_id, report_id) REFERENCES report (tenant_id, id) ON DELETE CASCADE
);

-- The author (position 0) and each "+1": a resident (usager_id) or an e-mail, verified through a link
-- whose secret is kept only as its SHA-256.
CREATE TABLE report_follower (
    tenant_id        text        NOT NULL,
    report_id        uuid        NOT NULL,
    position         integer     NOT NULL,
    usager_id        uuid,
    email            text,
    joined_at        timestamptz NOT NULL,
    verified         boolean     NOT NULL,
    token_hash       text,
    token_expires_at timestamptz,
    PRIMARY KEY (tenant_id, report_id, position),
    FOREIGN KEY (tenant_id, report_id) REFERENCES report (tenant_id, id) ON DELETE CASCADE,
    CONSTRAINT report_follower_who CHECK ((usager_id IS NULL) <> (email IS NULL)),
    CONSTRAINT report_follower_token CHECK (verified = (token_hash IS NULL) AND (token_hash IS NULL) = (token_expires_at IS NULL))
);

CREATE UNIQUE INDEX report_follower_token_hash ON report_follower (tenant_id, token_hash) WHERE token_hash IS NOT NULL;
CREATE INDEX report_follower_usager ON report_follower (tenant_id, usager_id) WHERE usager_id IS NOT NULL;
CREATE INDEX report_follower_email ON report_follower (tenant_id, email) WHERE email IS NOT NULL;
CREATE INDEX report_follower_expiry ON report_follower (tenant_id, token_expires_at) WHERE token_expires_at IS NOT NULL;

CREATE TABLE report_history (
    tenant_id   text        NOT NULL,
    report_id   uuid        NOT NULL,
    position    integer     NOT NULL,
    at          timestamptz NOT NULL,
    from_status text,
    to_status   text        NOT NULL,
    actor       text        NOT NULL,
    PRIMARY KEY (tenant_id, report_id, position),
    FOREIGN KEY (tenant_id, report_id) REFERENCES report (tenant_id, id) ON DELETE CASCADE
);
