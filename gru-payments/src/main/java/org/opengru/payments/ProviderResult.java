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
 * @param operationId the operation
 * @param status the status the provider gives
 * @param authorisationNumber the card authorisation number, or {@code null}
 * @param transactionAt when the transaction took place, or {@code null}
 */
public record ProviderResult(
        OperationId operationId,
        PaymentStatus status,
        @Nullable String debtReference,
        @Nullable Long amountCents,
        @Nullable String authorisationNumber,
        @Nullable Instant transactionAt) {

    /**
     * Checks the answer.
     *
     * @param operationId the operation
     * @param status the status the provider gives
     * @param debtReference the {@code refdet} the provider holds, compared with the stored order
     * @param amountCents the amount the provider holds, compared with the stored order
     * @param authorisationNumber the card authorisation number, or {@code null}
     * @param transactionAt when the transaction took place, or {@code null}
     * @throws NullPointerException naming a missing value
     */
    public ProviderResult {
        Objects.requireNonNull(operationId, "operationId");
        Objects.requireNonNull(status, "status");
    }
}
