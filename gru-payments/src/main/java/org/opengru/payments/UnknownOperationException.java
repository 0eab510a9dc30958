package org.opengru.payments;

import org.opengru.core.tenancy.TenantId;

/**
 * A notification or a return for an operation the collectivité never created (unknown, or another
 * collectivité's): refused, audited, nothing changed.
 */
public final class UnknownOperationException extends PaymentException {

    /** The collectivité the operation was looked up in. */
    private final TenantId tenant;
    /** The operation id received. */
    private final String operationId;

    /**
     * Refuses a notification or return.
     *
     * @param tenant the collectivité
     * @param operationId the operation id received
     */
    public UnknownOperationException(TenantId tenant, String operationId) {
        super("no payment operation " + operationId + " for " + tenant);
        this.tenant = tenant;
        this.operationId = operationId;
    }

    /**
     * The collectivité the operation was looked up in.
     *
     * @return the tenant
     */
    public TenantId tenant() {
        return tenant;
    }

    /**
     * The operation id received, as it came.
     *
     * @return the id
     */
    public String operationId() {
        return operationId;
    }
}
