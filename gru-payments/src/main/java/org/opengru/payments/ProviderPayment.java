package org.opengru.payments;

import java.net.URI;
import java.util.Objects;

/** A payment created at the provider: its operation id and the page the resident is sent to. */
public record ProviderPayment(OperationId operationId, URI paymentPage) {

    public ProviderPayment {
        Objects.requireNonNull(operationId, "operationId");
        Objects.requireNonNull(paymentPage, "paymentPage");
    }
}
