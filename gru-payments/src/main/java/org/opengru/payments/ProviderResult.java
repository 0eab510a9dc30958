package org.opengru.payments;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What the provider says of an operation when read back. {@link PaymentStatus#PENDING} when it has no
 * result yet (the resident is still on its page).
 *
 * @param debtReference the {@code refdet} the provider holds, compared with the stored order
 * @param amountCents the amount the provider holds, compared with the stored order
 */
public record ProviderResult(
        OperationId operationId,
        PaymentStatus status,
        @Nullable String debtReference,
        @Nullable Long amountCents,
        @Nullable String authorisationNumber,
        @Nullable Instant transactionAt) {

    public ProviderResult {
        Objects.requireNonNull(operationId, "operationId");
        Objects.requireNonNull(status, "status");
    }
}
