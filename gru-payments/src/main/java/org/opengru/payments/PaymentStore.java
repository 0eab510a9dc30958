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
     */
    void insert(Payment payment);

    Optional<Payment> find(TenantId tenant, OperationId operationId);

    Optional<Payment> find(TenantId tenant, PaymentId id);

    /**
     * Settles the payment if, and only if, it is still {@link PaymentStatus#PENDING}: returns the settled
     * payment when this call changed it, empty when it was settled already (or is unknown).
     */
    Optional<Payment> settle(TenantId tenant, OperationId operationId, Settlement settlement);

    /** Pending payments created before {@code createdBefore}, oldest first, at most {@code limit}. */
    List<Payment> pendingCreatedBefore(TenantId tenant, Instant createdBefore, int limit);
}
