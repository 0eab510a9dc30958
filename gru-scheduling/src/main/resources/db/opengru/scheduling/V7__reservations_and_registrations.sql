-- OpenGRU scheduling: reservations of rooms and equipment, registrations for events with limited places, and
-- the payments paying appointments wait for.

-- A reservation keeps its period (requested, awaiting payment, confirmed): the database refuses two that
-- overlap on one room or equipment, whatever the number of nodes (btree_gist, created by V1).
CREATE TABLE scheduling_reservation (
    tenant_id         text        NOT NULL,
    id                uuid        NOT NULL,
    reservable_id     text        NOT NULL,
    usager_id         uuid        NOT NULL,
    category          text        NOT NULL CHECK (category IN ('RESIDENT', 'NON_RESIDENT', 'ASSOCIATION', 'COMPANY')),
    starts_at         timestamptz NOT NULL,
    ends_at           timestamptz NOT NULL,
    period            tstzrange   GENERATED ALWAYS AS (tstzrange(starts_at, ends_at, '[)')) STORED,
    status            text        NOT NULL CHECK (status IN ('REQUESTED', 'AWAITING_PAYMENT', 'CONFIRMED', 'REJECTED',
                                                             'CANCELLED', 'EXPIRED', 'REFUND_DUE', 'REFUNDED')),
    price_cents       bigint      NOT NULL CHECK (price_cents >= 0),
    deposit_cents     bigint      NOT NULL CHECK (deposit_cents >= 0),
    required_pieces   text[]      NOT NULL,
    -- Pieces provided: their codes and, at the same index, the document's reference.
    piece_codes       text[]      NOT NULL,
    piece_refs        text[]      NOT NULL,
    hold_expires_at   timestamptz,
    payment_reference text,
    decision_reason   text,
    version           integer     NOT NULL,
    created_at        timestamptz NOT NULL,
    updated_at        timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id),
    CHECK (ends_at > starts_at),
    CHECK (cardinality(piece_codes) = cardinality(piece_refs)),
    CHECK ((status = 'AWAITING_PAYMENT') = (hold_expires_at IS NOT NULL)),
    CONSTRAINT scheduling_reservation_no_overlap
        EXCLUDE USING gist (period WITH &&, reservable_id WITH =, tenant_id WITH =)
        WHERE (status IN ('REQUESTED', 'AWAITING_PAYMENT', 'CONFIRMED'))
);
CREATE INDEX scheduling_reservation_usager ON scheduling_reservation (tenant_id, usager_id);
CREATE INDEX scheduling_reservation_holds ON scheduling_reservation (tenant_id, hold_expires_at)
    WHERE status = 'AWAITING_PAYMENT';

-- A session's places: the counter of places taken is guarded by a CHECK, so no interleaving of nodes
-- ever gives more places than the capacity.
CREATE TABLE scheduling_event_session (
    tenant_id            text        NOT NULL,
    id                   text        NOT NULL,
    event_id             text        NOT NULL,
    title                text        NOT NULL,
    starts_at            timestamptz NOT NULL,
    capacity             integer     NOT NULL,
    taken                integer     NOT NULL DEFAULT 0,
    per_person_limit     integer     NOT NULL CHECK (per_person_limit BETWEEN 1 AND 100),
    cancel_until         timestamptz NOT NULL,
    price_cents          bigint      NOT NULL CHECK (price_cents >= 0),
    payment_hold_seconds bigint      NOT NULL CHECK (payment_hold_seconds > 0),
    teams                text[]      NOT NULL,
    PRIMARY KEY (tenant_id, id),
    CONSTRAINT scheduling_event_session_capacity CHECK (taken >= 0 AND taken <= capacity)
);

CREATE TABLE scheduling_registration (
    tenant_id         text        NOT NULL,
    id                uuid        NOT NULL,
    session_id        text        NOT NULL,
    event_id          text        NOT NULL,
    participant_id    uuid        NOT NULL,
    registered_by     uuid,
    status            text        NOT NULL CHECK (status IN ('WAITING', 'AWAITING_PAYMENT', 'CONFIRMED', 'CANCELLED',
                                                             'EXPIRED', 'REFUND_DUE', 'REFUNDED')),
    price_cents       bigint      NOT NULL CHECK (price_cents >= 0),
    hold_expires_at   timestamptz,
    payment_reference text,
    -- The waiting list's order.
    position          bigserial   NOT NULL,
    version           integer     NOT NULL,
    created_at        timestamptz NOT NULL,
    updated_at        timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, session_id) REFERENCES scheduling_event_session (tenant_id, id),
    CHECK ((status = 'AWAITING_PAYMENT') = (hold_expires_at IS NOT NULL))
);
-- One active registration per participant and session.
CREATE UNIQUE INDEX scheduling_registration_once ON scheduling_registration (tenant_id, session_id, participant_id)
    WHERE status IN ('WAITING', 'AWAITING_PAYMENT', 'CONFIRMED');
CREATE INDEX scheduling_registration_queue ON scheduling_registration (tenant_id, session_id, position)
    WHERE status = 'WAITING';
CREATE INDEX scheduling_registration_participant ON scheduling_registration (tenant_id, participant_id);
CREATE INDEX scheduling_registration_by ON scheduling_registration (tenant_id, registered_by);
CREATE INDEX scheduling_registration_holds ON scheduling_registration (tenant_id, hold_expires_at)
    WHERE status = 'AWAITING_PAYMENT';

-- The payment a paying appointment waits for: its hold (a HELD booking) keeps the slot until paid.
CREATE TABLE scheduling_booking_payment (
    tenant_id         text        NOT NULL,
    hold_id           uuid        NOT NULL,
    usager_id         uuid        NOT NULL,
    starts_at         timestamptz NOT NULL,
    amount_cents      bigint      NOT NULL CHECK (amount_cents > 0),
    status            text        NOT NULL CHECK (status IN ('AWAITING_PAYMENT', 'PAID', 'RELEASED', 'REFUND_DUE',
                                                             'REFUNDED')),
    -- The appointment the payment confirmed: the hold, or the booking taken again after it expired.
    booking_id        uuid,
    payment_reference text,
    version           integer     NOT NULL,
    created_at        timestamptz NOT NULL,
    updated_at        timestamptz NOT NULL,
    -- No foreign key to scheduling_booking: its tests and tools truncate it alone.
    PRIMARY KEY (tenant_id, hold_id)
);
CREATE INDEX scheduling_booking_payment_usager ON scheduling_booking_payment (tenant_id, usager_id);
CREATE INDEX scheduling_booking_payment_open ON scheduling_booking_payment (tenant_id, status)
    WHERE status IN ('AWAITING_PAYMENT', 'PAID');

-- The audit trail of reservations, registrations and booking payments, written in the transaction of each change.
CREATE TABLE scheduling_item_trail (
    id          bigserial   PRIMARY KEY,
    tenant_id   text        NOT NULL,
    item_type   text        NOT NULL CHECK (item_type IN ('reservation', 'registration', 'booking_payment')),
    item_id     uuid        NOT NULL,
    action      text        NOT NULL,
    actor       text        NOT NULL,
    at          timestamptz NOT NULL,
    from_status text,
    to_status   text        NOT NULL,
    detail      text
);
CREATE INDEX scheduling_item_trail_item ON scheduling_item_trail (tenant_id, item_id);
