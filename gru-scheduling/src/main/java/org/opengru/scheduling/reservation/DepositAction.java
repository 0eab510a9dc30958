package org.opengru.scheduling.reservation;

/** The moves of a reservation's deposit. */
public enum DepositAction {
    /** The deposit was received: with the reservation's payment (the system), or apart (an agent records it). */
    RECEIVE,
    /** An agent decides to give it back: the comptable public is to refund it. */
    RETURN,
    /** An agent keeps it, with a reason. */
    KEEP,
    /** An agent records the refund the comptable public made, with its reference. */
    RECORD_RETURNED
}
