package org.opengru.scheduling.reservation;

/** Where a reservation stands; the moves are in {@link ReservationLifecycle}. */
public enum ReservationStatus {
    /** Asked for, waiting for an agent's decision: the period is kept meanwhile. */
    REQUESTED,
    /** Approved, waiting for payment until its hold expires: the period is kept meanwhile. */
    AWAITING_PAYMENT,
    /** Confirmed (réservation confirmée). */
    CONFIRMED,
    /** Refused by an agent, with a reason. */
    REJECTED,
    /** Cancelled by the usager or an agent, nothing paid: final. */
    CANCELLED,
    /** Not paid in time: the period was released. */
    EXPIRED,
    /** A payment is to be given back; the comptable public makes the refund, an agent records it. */
    REFUND_DUE,
    /** The refund was made. */
    REFUNDED;

    /**
     * Whether a reservation in this status keeps its period from anyone else.
     *
     * @return {@code true} when requested, awaiting payment or confirmed
     */
    public boolean keepsPeriod() {
        return this == REQUESTED || this == AWAITING_PAYMENT || this == CONFIRMED;
    }
}
