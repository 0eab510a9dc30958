package org.opengru.payments;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.opengru.core.tenancy.TenantId;

/**
 * Port: where payments are kept. Every read is scoped to one collectivité: another's operation is not
 * found. {@link #settle} is the one guard against settling twice and must hold across nodes.
 */
public interface PaymentStore {

    /**
     * Stores a new pending payment; an operation id already stored for the collectivité is an {@link
     * org.opengru.core.error.AlreadyExistsException}.
     *
     * @param payment the pending payment
     */
    void insert(Payment payment);

    /**
     * The payment of a provider's operation, as notifications and returns name it.
     *
     * @param tenant the collectivité
     * @param operationId the provider's operation id
     * @return the payment, or empty
     */
    Optional<Payment> find(TenantId tenant, OperationId operationId);

    /**
     * A payment by its id.
     *
     * @param tenant the collectivité
     * @param id the payment
     * @return the payment, or empty
     */
    Optional<Payment> find(TenantId tenant, PaymentId id);

    /**
     * Settles the payment if, and only if, it is still {@link PaymentStatus#PENDING}: returns the settled
     * payment when this call changed it, empty when it was settled already (or is unknown).
     *
     * @param tenant the collectivité
     * @param operationId the operation
     * @param settlement what the read-back says
     * @return the settled payment, or empty. Atomic: of two concurrent settlements, one wins
     */
    Optional<Payment> settle(TenantId tenant, OperationId operationId, Settlement settlement);

    /**
     * Pending payments created before {@code createdBefore}, oldest first, at most {@code limit}.
     *
     * @param tenant the collectivité
     * @param createdBefore the limit
     * @param limit the batch's size
     * @return the payments
     */
    List<Payment> pendingCreatedBefore(TenantId tenant, Instant createdBefore, int limit);
}
