package org.opengru.scheduling.reservation;

/**
 * Where a reservation's deposit (caution) stands; the moves are in {@link DepositLifecycle}. The commune
 * never pays anything back itself: a deposit to give back is {@link #RETURN_DUE} until the comptable public
 * has done it and an agent records it.
 */
public enum DepositStatus {
    /** No deposit is asked. */
    NONE,
    /** Asked, not received yet: with the payment when the reservable says so, else apart (a cheque...). */
    DUE,
    /** Received and held while the room or equipment is used. */
    HELD,
    /** To be given back: the comptable public makes the refund, an agent records it done. */
    RETURN_DUE,
    /** Given back by the comptable public: final. */
    RETURNED,
    /** Kept by the commune (damage, equipment missing), with the agent's reason: final. */
    KEPT
}
