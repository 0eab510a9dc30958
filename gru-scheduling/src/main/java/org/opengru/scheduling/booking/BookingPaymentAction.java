package org.opengru.scheduling.booking;

/** The moves of a booking's payment. */
public enum BookingPaymentAction {
    CONFIRM_PAYMENT,
    RELEASE,
    CANCEL_PAID,
    RECORD_REFUND
}
