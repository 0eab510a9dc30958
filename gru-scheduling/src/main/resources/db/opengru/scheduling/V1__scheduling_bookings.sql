-- OpenGRU scheduling: bookings that the database itself refuses to double-book.
-- btree_gist lets one GiST index combine equality on the desk with overlap on the time range.
CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TABLE scheduling_booking (
    tenant_id         text        NOT NULL,
    id                uuid        NOT NULL,
    site_id           text        NOT NULL,
    service_id        text        NOT NULL,
    resource_id       text        NOT NULL,
    usager_id         uuid        NOT NULL,
    people            integer     NOT NULL CHECK (people BETWEEN 1 AND 10),
    starts_at         timestamptz NOT NULL,
    ends_at           timestamptz NOT NULL,
    busy_start        timestamptz NOT NULL,
    busy_end          timestamptz NOT NULL,
    -- The time the desk is taken, buffers included, as a range for the exclusion constraint.
    busy              tstzrange   GENERATED ALWAYS AS (tstzrange(busy_start, busy_end, '[)')) STORED,
    status            text        NOT NULL CHECK (status IN ('HELD', 'BOOKED', 'EXPIRED', 'CANCELLED_BY_USAGER',
                                                             'CANCELLED_BY_AGENT', 'ATTENDED', 'NO_SHOW')),
    hold_expires_at   timestamptz,
    ants_number       text        CHECK (ants_number ~ '^[A-Z0-9]{10}$'),
    cancel_reason     text,
    sequence          integer     NOT NULL DEFAULT 0,
    idempotency_key   text,
    cancel_token_hash text        NOT NULL,
    created_at        timestamptz NOT NULL,
    updated_at        timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id),
    CHECK (ends_at > starts_at),
    CHECK (busy_start <= starts_at AND busy_end >= ends_at),
    CHECK ((status = 'HELD') = (hold_expires_at IS NOT NULL)),
    -- The guarantee: two desk-occupying bookings of one desk never overlap, whatever the number of nodes.
    CONSTRAINT scheduling_booking_no_overlap
        EXCLUDE USING gist (busy WITH &&, resource_id WITH =, tenant_id WITH =)
        WHERE (status IN ('HELD', 'BOOKED'))
);

-- At most one booked appointment per usager and service.
CREATE UNIQUE INDEX scheduling_booking_one_active ON scheduling_booking (tenant_id, usager_id, service_id)
    WHERE status = 'BOOKED';
-- A retried request with the same idempotency key finds its first booking.
CREATE UNIQUE INDEX scheduling_booking_idempotency ON scheduling_booking (tenant_id, idempotency_key)
    WHERE idempotency_key IS NOT NULL;
CREATE INDEX scheduling_booking_start ON scheduling_booking (tenant_id, starts_at);
CREATE INDEX scheduling_booking_usager ON scheduling_booking (tenant_id, usager_id);

-- Audit trail and transactional outbox, written in the same statement as each change.
CREATE TABLE scheduling_audit (
    id          bigserial   PRIMARY KEY,
    tenant_id   text        NOT NULL,
    booking_id  uuid        NOT NULL,
    action      text        NOT NULL,
    actor       text        NOT NULL,
    at          timestamptz NOT NULL,
    from_status text,
    to_status   text        NOT NULL,
    detail      text
);
CREATE INDEX scheduling_audit_booking ON scheduling_audit (tenant_id, booking_id);

CREATE TABLE scheduling_outbox (
    event_id     uuid        PRIMARY KEY,
    tenant_id    text        NOT NULL,
    booking_id   uuid        NOT NULL,
    kind         text        NOT NULL,
    occurred_at  timestamptz NOT NULL,
    service_id   text        NOT NULL,
    resource_id  text        NOT NULL,
    starts_at    timestamptz NOT NULL,
    status       text        NOT NULL,
    sequence     integer     NOT NULL,
    published_at timestamptz
);
CREATE INDEX scheduling_outbox_booking ON scheduling_outbox (tenant_id, booking_id);
CREATE INDEX scheduling_outbox_unpublished ON scheduling_outbox (occurred_at) WHERE published_at IS NULL;
