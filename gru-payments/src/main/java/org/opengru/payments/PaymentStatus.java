package org.opengru.payments;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where a payment stands. The table below is the whole state machine: what a read-back from the provider
 * may settle, what the commune records (given up, cancelled, refund due, refunded), and the one way back a
 * payment given up or cancelled has — the provider saying, late, that it was paid: a payment is never lost.
 */
public enum PaymentStatus {
    /** Created at the provider; the resident is paying, or left, or the result is not read yet. */
    PENDING,
    /** Paid (paiement effectué): the provider gave an authorisation number. */
    PAID,
    /** Refused by the bank (paiement refusé). */
    REFUSED,
    /** Abandoned by the resident on the provider's page (paiement abandonné). */
    ABANDONED,
    /**
     * Given up (paiement expiré): still without a result at the provider, read back once more, past the
     * collectivité's limit. A late notification is still read back and may make it {@link #PAID}.
     */
    EXPIRED,
    /**
     * Cancelled by the commune before it was paid (the request withdrawn, the booking released). A late
     * notification is still read back and may make it {@link #PAID}.
     */
    CANCELLED,
    /**
     * Paid, and to be refunded (remboursement à effectuer par le comptable public): OpenGRU records it;
     * the refund itself is the comptable public's (DGFiP), on the régie's request.
     */
    REFUND_DUE,
    /** Refunded by the comptable public, as an agent recorded it (remboursé). */
    REFUNDED;

    private static final Map<PaymentStatus, Set<PaymentStatus>> NEXT = Map.of(
            PENDING, EnumSet.of(PAID, REFUSED, ABANDONED, EXPIRED, CANCELLED),
            PAID, EnumSet.of(REFUND_DUE),
            REFUSED, EnumSet.noneOf(PaymentStatus.class),
            ABANDONED, EnumSet.noneOf(PaymentStatus.class),
            EXPIRED, EnumSet.of(PAID),
            CANCELLED, EnumSet.of(PAID),
            REFUND_DUE, EnumSet.of(REFUNDED),
            REFUNDED, EnumSet.noneOf(PaymentStatus.class));

    /** Whether a payment in this state may move to {@code next}. */
    public boolean canBecome(PaymentStatus next) {
        return NEXT.get(this).contains(next);
    }

    /** The states a payment may move to {@code this} from (the stores' guard). */
    public Set<PaymentStatus> from() {
        Set<PaymentStatus> out = EnumSet.noneOf(PaymentStatus.class);
        NEXT.forEach((from, next) -> {
            if (next.contains(this)) {
                out.add(from);
            }
        });
        return out;
    }

    /** Whether a read-back from the provider may still change it: whatever may still become paid. */
    public boolean awaitsReadBack() {
        return canBecome(PAID);
    }

    /** What a read-back from the provider may settle: paid, refused or abandoned. */
    public boolean isProviderOutcome() {
        return this == PAID || this == REFUSED || this == ABANDONED;
    }

    /** Whether nothing changes it any more. */
    public boolean isFinal() {
        return NEXT.get(this).isEmpty();
    }
}
