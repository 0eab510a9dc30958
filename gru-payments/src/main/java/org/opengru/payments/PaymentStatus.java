package org.opengru.payments;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where a payment stands. Only {@link #PENDING} moves, and only once, to what the provider says when read
 * back; the table below is the whole state machine.
 */
public enum PaymentStatus {
    /** Created at the provider; the resident is paying, or left, or the result is not read yet. */
    PENDING,
    /** Paid (paiement effectué): the provider gave an authorisation number. */
    PAID,
    /** Refused by the bank (paiement refusé). */
    REFUSED,
    /** Abandoned by the resident on the provider's page (paiement abandonné). */
    ABANDONED;

    private static final Map<PaymentStatus, Set<PaymentStatus>> NEXT = Map.of(
            PENDING, EnumSet.of(PAID, REFUSED, ABANDONED),
            PAID, EnumSet.noneOf(PaymentStatus.class),
            REFUSED, EnumSet.noneOf(PaymentStatus.class),
            ABANDONED, EnumSet.noneOf(PaymentStatus.class));

    /**
     * Whether a payment in this state may move to {@code next}.
     *
     * @param next the status a read-back says
     * @return {@code true} when the move is legal
     */
    public boolean canBecome(PaymentStatus next) {
        return NEXT.get(this).contains(next);
    }

    /**
     * Whether the payment is settled for good (no further read-back changes it).
     *
     * @return {@code true} for a settled status
     */
    public boolean isFinal() {
        return NEXT.get(this).isEmpty();
    }
}
