package org.opengru.payments;

import org.opengru.core.tenancy.TenantId;

/**
 * Port: an online payment provider such as PayFiP. Implementations throw {@link ProviderException} for
 * every failure (unreachable, timed out, a fault, an answer they cannot read).
 */
public interface PaymentProvider {

    /** A short code naming the provider in audit entries, such as {@code payfip}. */
    String name();

    /** The amounts this provider accepts for the collectivité. */
    PaymentLimits limits(TenantId tenant);

    /** Creates the operation at the provider; the order is already checked. */
    ProviderPayment create(PaymentId id, PaymentOrder order);

    /** Reads back what the provider knows of the collectivité's operation. */
    ProviderResult read(TenantId tenant, OperationId operationId);
}
