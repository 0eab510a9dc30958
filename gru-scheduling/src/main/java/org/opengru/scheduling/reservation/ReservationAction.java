package org.opengru.scheduling.reservation;

/** The moves of a reservation. */
public enum ReservationAction {
    APPROVE,
    REJECT,
    CONFIRM_PAYMENT,
    EXPIRE_HOLD,
    CANCEL,
    RECORD_REFUND
}
