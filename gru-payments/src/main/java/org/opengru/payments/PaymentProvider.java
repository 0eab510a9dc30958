package org.opengru.payments;

import org.opengru.core.tenancy.TenantId;

/**
 * Port: an online payment provider such as PayFiP. Implementations throw {@link ProviderException} for
 * every failure (unreachable, timed out, a fault, an answer they cannot read).
 */
public interface PaymentProvider {

    /**
     * A short code naming the provider in audit entries, such as {@code payfip}.
     *
     * @return the code
     */
    String name();

    /**
     * The amounts this provider accepts for the collectivité.
     *
     * @param tenant the collectivité
     * @return the limits
     */
    PaymentLimits limits(TenantId tenant);

    /**
     * Creates the operation at the provider; the order is already checked.
     *
     * @param id the payment's id
     * @param order the order
     * @return the provider's operation id and the page to send the resident to
     * @throws ProviderException when the call fails; nothing is stored then
     */
    ProviderPayment create(PaymentId id, PaymentOrder order);

    /**
     * Reads back what the provider knows of the collectivité's operation.
     *
     * @param tenant the collectivité
     * @param operationId the operation
     * @return the provider's status, amount and authorisation
     * @throws ProviderException when the call fails
     */
    ProviderResult read(TenantId tenant, OperationId operationId);
}
