package org.opengru.scheduling.hold;

/**
 * The condition a move of a lifecycle table needs besides its role. When the table has several rows for
 * one (state, action), the first whose guard holds is taken; {@link #PLACE_FREE} is decided by the store
 * (the database constraint), and {@link #PLACE_TAKEN} is the row taken when the store refused.
 */
public enum Guard {
    /** No condition besides the role. */
    ALWAYS,
    /** Every required piece is provided and something is to be paid. */
    PIECES_PROVIDED_PAYMENT_DUE,
    /** Every required piece is provided and nothing is to be paid. */
    PIECES_PROVIDED_NOTHING_DUE,
    /** Something is to be paid. */
    PAYMENT_DUE,
    /** Nothing is to be paid. */
    NOTHING_DUE,
    /** Before the cancellation deadline (the start of a reservation, the session's deadline). */
    BEFORE_DEADLINE,
    /** Before the deadline and a payment was received: the money is to be given back. */
    BEFORE_DEADLINE_PAID,
    /** Before the deadline and nothing was paid. */
    BEFORE_DEADLINE_UNPAID,
    /** The payment hold has run out. */
    HOLD_OVER,
    /** The period or place is still free: the store takes it again or refuses. */
    PLACE_FREE,
    /** The store refused {@link #PLACE_FREE}: someone else has the period or place now. */
    PLACE_TAKEN
}
