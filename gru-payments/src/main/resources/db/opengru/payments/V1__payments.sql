-- OpenGRU payments: one row per operation created at a payment provider (PayFiP's idOp).

-- status moves only from PENDING, once: the settling UPDATE is guarded by status = 'PENDING', so a
-- notification twice, or racing the resident's return on another node, settles the payment once.
CREATE TABLE payment (
    tenant_id            text        NOT NULL,
    id                   uuid        NOT NULL,
    operation_id         text        NOT NULL,
    debt_reference       text        NOT NULL,
    budget_year          integer     NOT NULL,
    amount_cents         bigint      NOT NULL,
    object               text        NOT NULL,
    payer_email          text        NOT NULL,
    subject              text,
    status               text        NOT NULL,
    created_at           timestamptz NOT NULL,
    settled_at           timestamptz,
    authorisation_number text,
    transaction_at       timestamptz,
    paid_cents           bigint,
    PRIMARY KEY (tenant_id, id),
    CONSTRAINT payment_operation_unique UNIQUE (tenant_id, operation_id),
    CONSTRAINT payment_status CHECK (status IN ('PENDING', 'PAID', 'REFUSED', 'ABANDONED')),
    CONSTRAINT payment_amount CHECK (amount_cents > 0),
    CONSTRAINT payment_settled CHECK ((status = 'PENDING') = (settled_at IS NULL))
);

-- The reconciliation job's read: the oldest pending payments of a collectivité.
CREATE INDEX payment_pending ON payment (tenant_id, created_at) WHERE status = 'PENDING';
