package org.opengru.scheduling.booking;

/** The moves of a booking's payment. */
public enum BookingPaymentAction {
    /** The provider confirmed a payment: the appointment is booked, or the payment is to be refunded. */
    CONFIRM_PAYMENT,
    /** The hold ran out unpaid: the slot is free again. */
    RELEASE,
    /** A paid appointment was cancelled: the payment is to be refunded. */
    CANCEL_PAID,
    /** An agent records the refund the comptable public made. */
    RECORD_REFUND
}
