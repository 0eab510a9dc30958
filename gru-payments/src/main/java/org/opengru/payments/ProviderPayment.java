package org.opengru.payments;

import java.net.URI;
import java.util.Objects;

/**
 * A payment created at the provider: its operation id and the page the resident is sent to.
 *
 * @param operationId the provider's operation id
 * @param paymentPage the page to send the resident to
 */
public record ProviderPayment(OperationId operationId, URI paymentPage) {

    /**
     * Checks the answer.
     *
     * @param operationId the provider's operation id
     * @param paymentPage the page to send the resident to
     * @throws NullPointerException naming a missing value
     */
    public ProviderPayment {
        Objects.requireNonNull(operationId, "operationId");
        Objects.requireNonNull(paymentPage, "paymentPage");
    }
}
