package org.opengru.scheduling.registration;

/** The moves of a registration. */
public enum RegistrationAction {
    /** A place freed goes to the first person waiting: confirmed, or held for payment. */
    PROMOTE,
    /** The provider confirmed the payment of a place held. */
    CONFIRM_PAYMENT,
    /** The payment hold ran out: the place goes to the next person waiting. */
    EXPIRE_HOLD,
    /** The usager (before the deadline) or an agent cancels; a payment received is to be refunded. */
    CANCEL,
    /** An agent records the refund the comptable public made. */
    RECORD_REFUND
}
