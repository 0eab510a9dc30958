package org.opengru.payments;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** The outcome a read-back gives a payment (paid, refused, abandoned), and when OpenGRU recorded it. */
public record Settlement(
        PaymentStatus status,
        @Nullable String authorisationNumber,
        @Nullable Instant transactionAt,
        @Nullable Long paidCents,
        Instant settledAt) {

    public Settlement {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(settledAt, "settledAt");
        if (!status.isProviderOutcome()) {
            throw new IllegalArgumentException("a settlement is the provider's outcome, not " + status);
        }
    }
}
