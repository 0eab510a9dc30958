package org.opengru.payments;

import org.opengru.core.tenancy.TenantId;

/**
 * A notification or a return for an operation the collectivité never created (unknown, or another
 * collectivité's): refused, audited, nothing changed.
 */
public final class UnknownOperationException extends PaymentException {

    private final TenantId tenant;
    private final String operationId;

    public UnknownOperationException(TenantId tenant, String operationId) {
        super("no payment operation " + operationId + " for " + tenant);
        this.tenant = tenant;
        this.operationId = operationId;
    }

    public TenantId tenant() {
        return tenant;
    }

    public String operationId() {
        return operationId;
    }
}
