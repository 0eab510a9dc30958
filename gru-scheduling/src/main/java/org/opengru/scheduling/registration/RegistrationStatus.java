package org.opengru.scheduling.registration;

/** Where a registration stands; the moves are in {@link RegistrationLifecycle}. */
public enum RegistrationStatus {
    /** On the waiting list (liste d'attente), in the order of registration. */
    WAITING,
    /** A place is held until paid or until the hold expires. */
    AWAITING_PAYMENT,
    /** Registered: paid, or nothing to pay. */
    CONFIRMED,
    /** Cancelled by the usager or an agent; nothing is owed either way. */
    CANCELLED,
    /** Not paid in time: the place went to the next person waiting. */
    EXPIRED,
    /** A payment is to be given back by the comptable public; an agent records it done. */
    REFUND_DUE,
    /** The comptable public refunded it: final. */
    REFUNDED;

    /**
     * Whether it takes one of the session's places.
     *
     * @return {@code true} when awaiting payment or confirmed
     */
    public boolean takesPlace() {
        return this == AWAITING_PAYMENT || this == CONFIRMED;
    }

    /**
     * Whether it counts towards the per-person limit (a place or a place in the queue).
     *
     * @return {@code true} when waiting, awaiting payment or confirmed
     */
    public boolean active() {
        return this == WAITING || takesPlace();
    }
}
