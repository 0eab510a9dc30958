package org.opengru.scheduling.reservation;

/** The moves of a reservation. */
public enum ReservationAction {
    /** An agent approves: confirmed when nothing is due, else awaiting payment. */
    APPROVE,
    /** An agent refuses, with a reason: the period is free again. */
    REJECT,
    /** The provider confirmed the payment. */
    CONFIRM_PAYMENT,
    /** The payment hold ran out: the period is free again. */
    EXPIRE_HOLD,
    /** The usager (before the start) or an agent cancels; a payment received is to be refunded. */
    CANCEL,
    /** An agent records the refund the comptable public made. */
    RECORD_REFUND
}
