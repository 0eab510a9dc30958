package org.opengru.payments;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.opengru.core.id.UsagerId;
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
     * Settles the payment if, and only if, its state may become the settlement's ({@link
     * PaymentStatus#canBecome}: pending, or paid late once given up or cancelled): returns the settled payment
     * when this call changed it, empty when it was settled already (or is unknown).
     *
     * @param tenant the collectivité
     * @param operationId the operation
     * @param settlement what the read-back says
     * @return the settled payment, or empty. Atomic: of two concurrent settlements, one wins
     */
    Optional<Payment> settle(TenantId tenant, OperationId operationId, Settlement settlement);

    /**
     * Moves the payment to {@code next} (given up, cancelled, refund due, refunded) if, and only if, its state
     * may become it; keeps what the provider said. Returns the changed payment, empty when it was not in such
     * a state (another node moved it first) or is unknown.
     *
     * @param tenant the collectivité
     * @param id the payment
     * @param next the state to move to
     * @param at when
     * @param note why (kept as the payment's note), or {@code null}
     * @return the changed payment, or empty
     */
    Optional<Payment> mark(TenantId tenant, PaymentId id, PaymentStatus next, Instant at, @Nullable String note);

    /**
     * Pending payments created before {@code createdBefore}, oldest first, at most {@code limit}.
     *
     * @param tenant the collectivité
     * @param createdBefore the limit
     * @param limit the batch's size
     * @return the payments
     */
    List<Payment> pendingCreatedBefore(TenantId tenant, Instant createdBefore, int limit);

    /**
     * The payments made for {@code subject} (such as {@code request:<id>}), oldest first.
     *
     * @param tenant the collectivité
     * @param subject the subject's code
     * @return the payments, empty when none
     */
    List<Payment> ofSubject(TenantId tenant, String subject);

    /**
     * The usager's payments (those whose order names them as payer), oldest first: their export.
     *
     * @param tenant the collectivité
     * @param payer the usager
     * @return the payments, empty when none
     */
    List<Payment> ofPayer(TenantId tenant, UsagerId payer);

    /**
     * Erases the personal data of the usager's payments ({@link PaymentOrder#erased()}); returns how many
     * payments changed. The accounting facts stay, and a pending payment can still be read back.
     * Idempotent: a second call changes nothing.
     *
     * @param tenant the collectivité
     * @param payer the usager erased
     * @return how many payments changed
     */
    int erasePayer(TenantId tenant, UsagerId payer);

    /**
     * Erases the personal data of the payments made for {@code subject} (such as {@code request:<id>}, at
     * the end of the request's retention); returns how many changed. Idempotent.
     *
     * @param tenant the collectivité
     * @param subject the subject's code
     * @return how many payments changed
     */
    int eraseSubject(TenantId tenant, String subject);

    /**
     * Erases the personal data of at most {@code limit} payments no longer pending that were created before
     * {@code createdBefore} and still hold some; returns how many changed (the purge's batch). Run it until
     * it returns 0.
     *
     * @param tenant the collectivité
     * @param createdBefore the retention's limit
     * @param limit the batch's size
     * @return how many payments changed
     */
    int eraseNotPendingCreatedBefore(TenantId tenant, Instant createdBefore, int limit);
}
