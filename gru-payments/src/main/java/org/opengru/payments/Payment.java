package org.opengru.payments;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One payment as stored: the order, the provider's operation id, and once settled what the provider
 * said when read back.
 *
 * @param authorisationNumber the bank's authorisation number ({@code numauto}) of a paid payment
 * @param transactionAt when the provider recorded the transaction ({@code dattrans}, {@code heurtrans})
 * @param paidCents the amount the provider says was paid
 * @param note why the commune gave it up, cancelled it or asked for its refund (null otherwise, and once
 *     erased)
 * @param id the payment
 * @param operationId the provider's operation id ({@code idOp})
 * @param order what is paid
 * @param status where it stands
 * @param createdAt when it was created at the provider
 * @param settledAt when OpenGRU recorded the current state (a read-back, or the commune's move), or {@code
 *     null} while pending
 */
public record Payment(
        PaymentId id,
        OperationId operationId,
        PaymentOrder order,
        PaymentStatus status,
        Instant createdAt,
        @Nullable Instant settledAt,
        @Nullable String authorisationNumber,
        @Nullable Instant transactionAt,
        @Nullable Long paidCents,
        @Nullable String note) {

    /**
     * Checks the payment.
     *
     * @param id the payment
     * @param operationId the provider's operation id ({@code idOp})
     * @param order what is paid
     * @param status where it stands
     * @param createdAt when it was created at the provider
     * @param settledAt when a read-back settled it, or {@code null} while pending
     * @param authorisationNumber the bank's authorisation number ({@code numauto}) of a paid payment
     * @param transactionAt when the provider recorded the transaction ({@code dattrans}, {@code heurtrans})
     * @param paidCents the amount the provider says was paid
     * @param note why the commune gave it up, cancelled it or asked for its refund ({@code null} otherwise, and
     *     once erased)
     * @throws NullPointerException naming a missing value
     */
    public Payment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(operationId, "operationId");
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /**
     * A payment just created at the provider.
     *
     * @param id the payment
     * @param operationId the provider's operation id ({@code idOp})
     * @param order what is paid
     * @param createdAt when it was created
     * @return the pending payment
     */
    public static Payment pending(PaymentId id, OperationId operationId, PaymentOrder order, Instant createdAt) {
        return new Payment(id, operationId, order, PaymentStatus.PENDING, createdAt, null, null, null, null, null);
    }

    /**
     * This payment settled as {@code s} says.
     *
     * @param s the settlement read back from the provider
     * @return the settled copy
     */
    public Payment settled(Settlement s) {
        return new Payment(
                id,
                operationId,
                order,
                s.status(),
                createdAt,
                s.settledAt(),
                s.authorisationNumber(),
                s.transactionAt(),
                s.paidCents(),
                note);
    }

    /**
     * This payment moved by the commune to {@code next} at {@code at}, for the reason {@code why}. The
     * transition is the caller's to check ({@link PaymentStatus#canBecome}).
     *
     * @param next the new status
     * @param at when
     * @param why the reason, kept as the note
     * @return the moved copy
     */
    public Payment marked(PaymentStatus next, Instant at, @Nullable String why) {
        return new Payment(
                id, operationId, order, next, createdAt, at, authorisationNumber, transactionAt, paidCents, why);
    }

    /**
     * This payment without its personal data (RGPD erasure or purge): the order's e-mail, object and payer,
     * and the note; the accounting facts stay.
     *
     * @return the erased copy
     */
    public Payment erased() {
        return new Payment(
                id,
                operationId,
                order.erased(),
                status,
                createdAt,
                settledAt,
                authorisationNumber,
                transactionAt,
                paidCents,
                null);
    }
}
