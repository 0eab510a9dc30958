-- OpenGRU scheduling: a reservation's deposit (caution) paid with the price when the reservable says so, and
-- its state. The commune never pays back itself: RETURN_DUE waits for the comptable public's refund, which an
-- agent records (RETURNED); KEPT is final, with the agent's reason in the trail.
ALTER TABLE scheduling_reservation
    ADD COLUMN deposit_in_payment boolean NOT NULL DEFAULT false,
    ADD COLUMN deposit_status     text    NOT NULL DEFAULT 'NONE'
        CHECK (deposit_status IN ('NONE', 'DUE', 'HELD', 'RETURN_DUE', 'RETURNED', 'KEPT'));
-- Reservations made before: their deposit was always taken apart, and is still to be received as far as
-- this table knows.
UPDATE scheduling_reservation SET deposit_status = 'DUE' WHERE deposit_cents > 0;
ALTER TABLE scheduling_reservation
    ADD CONSTRAINT scheduling_reservation_deposit_asked CHECK ((deposit_cents = 0) = (deposit_status = 'NONE'));
