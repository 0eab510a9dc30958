package org.opengru.scheduling.hold;

/**
 * What a payment confirmation did. A payment is never lost: it confirms the item, or is recognised as
 * one already recorded, or the item records that the money is to be refunded (by the comptable public).
 */
public enum PaymentOutcome {
    /** Paid within the hold: confirmed. */
    ACCEPTED,
    /** Paid after the hold expired while the period or place was still free: confirmed all the same. */
    ACCEPTED_LATE,
    /** The same payment reference again (a notification sent twice): nothing changed. */
    ALREADY_RECORDED,
    /**
     * Paid after the period or place went to someone else, or after a cancellation, or a second payment
     * with another reference: the item says a refund is due (or, for a second payment, its trail does).
     */
    REFUND_DUE
}
