-- A payment may now be given up (EXPIRED) after the collectivité's limit, cancelled by the commune, and
-- recorded as to be refunded by the comptable public (REFUND_DUE) then refunded (REFUNDED); note says why.
ALTER TABLE payment DROP CONSTRAINT payment_status;
ALTER TABLE payment ADD CONSTRAINT payment_status CHECK (status IN
    ('PENDING', 'PAID', 'REFUSED', 'ABANDONED', 'EXPIRED', 'CANCELLED', 'REFUND_DUE', 'REFUNDED'));
ALTER TABLE payment ADD COLUMN note text;
