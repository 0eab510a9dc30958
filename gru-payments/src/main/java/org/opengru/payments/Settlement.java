package org.opengru.payments;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The outcome a read-back gives a payment (paid, refused, abandoned), and when OpenGRU recorded it.
 *
 * @param status the final status read back
 * @param authorisationNumber the card authorisation number, or {@code null}
 * @param transactionAt when the transaction took place, or {@code null}
 * @param paidCents the amount the provider says was paid, in euro cents
 * @param settledAt when the read-back settled it
 */
public record Settlement(
        PaymentStatus status,
        @Nullable String authorisationNumber,
        @Nullable Instant transactionAt,
        @Nullable Long paidCents,
        Instant settledAt) {

    /**
     * Checks the settlement.
     *
     * @param status the final status read back
     * @param authorisationNumber the card authorisation number, or {@code null}
     * @param transactionAt when the transaction took place, or {@code null}
     * @param paidCents the amount the provider says was paid, in euro cents
     * @param settledAt when the read-back settled it
     * @throws NullPointerException naming a missing value
     */
    public Settlement {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(settledAt, "settledAt");
        if (!status.isProviderOutcome()) {
            throw new IllegalArgumentException("a settlement is the provider's outcome, not " + status);
        }
    }
}
