package org.opengru.scheduling.booking;

/** Where the payment of a paying appointment stands; the moves are in {@link BookingPayments#LIFECYCLE}. */
public enum BookingPaymentStatus {
    /** The slot is held (the booking is HELD) until paid or until the hold expires. */
    AWAITING_PAYMENT,
    /** Paid: the appointment is booked. */
    PAID,
    /** The hold ended unpaid (expired, released, cancelled): nothing is owed either way. */
    RELEASED,
    /** Paid, but the slot is gone or the appointment cancelled: the comptable public refunds it. */
    REFUND_DUE,
    /** The comptable public refunded it: final. */
    REFUNDED
}
