package org.opengru.payments;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One payment as stored: the order, the provider's operation id, and once settled what the provider
 * said when read back.
 *
 * @param settledAt when OpenGRU recorded the current state (null while pending)
 * @param authorisationNumber the bank's authorisation number ({@code numauto}) of a paid payment
 * @param transactionAt when the provider recorded the transaction ({@code dattrans}, {@code heurtrans})
 * @param paidCents the amount the provider says was paid
 * @param note why the commune gave it up, cancelled it or asked for its refund (null otherwise, and once
 *     erased)
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

    public Payment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(operationId, "operationId");
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** A payment just created at the provider. */
    public static Payment pending(PaymentId id, OperationId operationId, PaymentOrder order, Instant createdAt) {
        return new Payment(id, operationId, order, PaymentStatus.PENDING, createdAt, null, null, null, null, null);
    }

    /** This payment settled as {@code s} says. */
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

    /** This payment moved by the commune to {@code next} at {@code at}, for the reason {@code why}. */
    public Payment marked(PaymentStatus next, Instant at, @Nullable String why) {
        return new Payment(
                id, operationId, order, next, createdAt, at, authorisationNumber, transactionAt, paidCents, why);
    }

    /** This payment without its personal data (RGPD). */
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
