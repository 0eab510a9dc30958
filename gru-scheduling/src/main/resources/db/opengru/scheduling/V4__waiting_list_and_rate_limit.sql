-- OpenGRU scheduling: the waiting list and the per-identity rate limits in the database, so that several
-- nodes share them and a restart loses nothing.

-- One row per person waiting, first come first served by the identity column (assigned by the database,
-- not by a node's clock). hold_id is set once a freed slot is held for them: the row then leaves the
-- list until the offer is accepted or declined (deleted). claimed_until marks a row taken by a node while
-- it tries to hold a slot for it; FOR UPDATE SKIP LOCKED and this column keep a second node off it.
CREATE TABLE scheduling_waiting (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id     text NOT NULL,
    site_id       text NOT NULL,
    service_id    text NOT NULL,
    usager_id     uuid NOT NULL,
    from_date     date NOT NULL,
    to_date       date NOT NULL,
    claimed_until timestamptz,
    hold_id       uuid,
    joined_at     timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT scheduling_waiting_dates CHECK (to_date >= from_date)
);

-- Joining is idempotent: one waiting row per person and service (an offered row may coexist with a new one).
CREATE UNIQUE INDEX scheduling_waiting_one_per_usager
    ON scheduling_waiting (tenant_id, site_id, service_id, usager_id) WHERE hold_id IS NULL;

-- The offers, found by their hold when it is confirmed or expires.
CREATE INDEX scheduling_waiting_hold ON scheduling_waiting (tenant_id, hold_id) WHERE hold_id IS NOT NULL;

-- Fixed windows per limiter and identity: one row each, reset by the upsert when a new window starts.
CREATE TABLE scheduling_rate_limit (
    scope        text NOT NULL,
    identity     text NOT NULL,
    window_index bigint NOT NULL,
    count        integer NOT NULL,
    PRIMARY KEY (scope, identity)
);
