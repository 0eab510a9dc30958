package org.opengru.payments;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** The final state a read-back gives a pending payment, and when OpenGRU recorded it. */
public record Settlement(
        PaymentStatus status,
        @Nullable String authorisationNumber,
        @Nullable Instant transactionAt,
        @Nullable Long paidCents,
        Instant settledAt) {

    public Settlement {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(settledAt, "settledAt");
        if (!status.isFinal()) {
            throw new IllegalArgumentException("a settlement is final, not " + status);
        }
    }
}
