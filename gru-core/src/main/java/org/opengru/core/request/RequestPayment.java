package org.opengru.core.request;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.opengru.core.internal.Checks;

/**
 * The payment a request asks for (démarche payante) and where it stands, as the agent and the resident see
 * it on the request. The payment itself (provider, operation, refunds) lives in the payment module, which
 * records it here through {@link RequestAction#RECORD_PAYMENT}.
 *
 * @param amountCents what is due, in euro cents, computed from the démarche's rule when submitted
 * @param object what is paid for
 * @param dueBy until when the request waits (à payer avant le)
 * @param receipt the payment's reference once paid (the provider's operation and authorisation numbers,
 *     or the counter receipt), {@code null} before
 * @param paidAt when it was paid, {@code null} before
 * @param status awaiting, paid or lapsed
 */
public record RequestPayment(
        long amountCents,
        String object,
        Instant dueBy,
        Status status,
        @Nullable String receipt,
        @Nullable Instant paidAt) {

    /** Where the payment of a request stands. */
    public enum Status {
        /** To pay (à payer) before {@code dueBy}. */
        DUE,
        /** Paid: the request was received then. */
        PAID,
        /** Not paid in time: the request lapsed (réputée abandonnée). */
        LAPSED
    }

    /**
     * Checks the payment.
     *
     * @param amountCents what is due, in euro cents, positive
     * @param object what is paid for, up to 100 characters
     * @param dueBy until when the request waits (à payer avant le)
     * @param status where it stands
     * @param receipt the payment's reference, present exactly when paid
     * @param paidAt when it was paid, present exactly when paid
     * @throws org.opengru.core.error.ValidationException naming the field refused and its value
     */
    public RequestPayment {
        Checks.check(amountCents > 0, "payment.amountCents", amountCents, "must be positive");
        Checks.text("payment.object", object, 100);
        Checks.required("payment.dueBy", dueBy);
        Checks.required("payment.status", status);
        Checks.check(
                (status == Status.PAID) == (receipt != null && paidAt != null),
                "payment.receipt",
                receipt,
                "is present exactly once paid");
    }

    /**
     * A payment due.
     *
     * @param amountCents what is due, in euro cents, positive
     * @param object what is paid for, up to 100 characters
     * @param dueBy until when the request waits (à payer avant le)
     * @return the payment, {@link Status#DUE}
     * @throws org.opengru.core.error.ValidationException naming the field refused and its value
     */
    public static RequestPayment due(long amountCents, String object, Instant dueBy) {
        return new RequestPayment(amountCents, object, dueBy, Status.DUE, null, null);
    }

    RequestPayment paid(String receipt, Instant at) {
        return new RequestPayment(amountCents, object, dueBy, Status.PAID, receipt, at);
    }

    RequestPayment lapsed() {
        return new RequestPayment(amountCents, object, dueBy, Status.LAPSED, null, null);
    }

    /**
     * What comes with {@link RequestAction#RECORD_PAYMENT}: the payment's reference and the amount paid,
     * which must be the amount due.
     *
     * @param reference the payment's reference (provider's operation, counter receipt), up to 200 characters
     * @param amountCents the amount paid, in euro cents, positive
     */
    public record Receipt(String reference, long amountCents) {
        /**
         * Checks the receipt.
         *
         * @param reference the payment's reference (provider's operation, counter receipt), up to 200 characters
         * @param amountCents the amount paid, in euro cents, positive
         * @throws org.opengru.core.error.ValidationException naming the field refused and its value
         */
        public Receipt {
            Checks.text("payment.reference", reference, 200);
            Checks.check(amountCents > 0, "payment.amountCents", amountCents, "must be positive");
        }
    }
}
