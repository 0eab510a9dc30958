package org.opengru.payments;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opengru.core.audit.AuditRecord;
import org.opengru.core.audit.AuditTrail;
import org.opengru.core.error.ValidationException;
import org.opengru.core.id.IdGenerator;
import org.opengru.core.id.RequestId;
import org.opengru.core.principal.ActorKind;
import org.opengru.core.principal.ActorRef;
import org.opengru.core.tenancy.TenantId;

/**
 * The payment flow, keyed on the provider's operation id:
 *
 * <ol>
 *   <li>{@link #start} checks the order (amount within the provider's limits, reference formats), creates
 *       the operation at the provider and stores it as {@link PaymentStatus#PENDING};
 *   <li>the resident pays on the provider's page;
 *   <li>{@link #notified} (the provider's call on the notification URL) and {@link #returned} (the
 *       browser back on the return URL) carry nothing but the operation id: both only trigger a read-back
 *       from the provider, and the payment is settled from what the provider says;
 *   <li>{@link #reconcilePending} reads back the payments still pending after a while (a notification
 *       that never arrived), for a job.
 * </ol>
 *
 * <p>Settling is idempotent: the store settles a payment only while it is pending, so a notification
 * twice, or a notification racing the return on another node, settles it once. Every provider call and
 * every refusal is appended to gru-core's {@link AuditTrail}, on a chain of the payment's own (its id as
 * the chain id); refusals for unknown operations on one chain per collectivité. Personal data (the
 * e-mail address) never goes into the audit.
 */
public final class PaymentService {

    /** Who acts for the provider's notifications and the reconciliation job. */
    public static final ActorRef SYSTEM = new ActorRef(ActorKind.SYSTEM, "payments");

    private static final int RECONCILE_BATCH = 100;

    private final PaymentProvider provider;
    private final PaymentStore store;
    private final AuditTrail audit;
    private final Clock clock;
    private final IdGenerator ids;

    /**
     * A service over one provider.
     *
     * @param provider the payment provider (PayFiP Régie)
     * @param store the payments
     * @param audit where every call and settlement is recorded, in the payment's own chain
     * @param clock now
     * @param ids the payments' ids
     */
    public PaymentService(
            PaymentProvider provider, PaymentStore store, AuditTrail audit, Clock clock, IdGenerator ids) {
        this.provider = Objects.requireNonNull(provider, "provider");
        this.store = Objects.requireNonNull(store, "store");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ids = Objects.requireNonNull(ids, "ids");
    }

    /**
     * Creates the payment at the provider and stores it pending. An amount outside the provider's limits
     * is a {@link ValidationException} before any call; a failed call is a {@link ProviderException}, audited,
     * with nothing stored.
     *
     * @param order what the usager pays, checked already
     * @param actor who starts it (pseudonymous)
     * @return the stored pending payment and the page to send the resident to
     * @throws ValidationException when the amount is outside the provider's limits
     * @throws ProviderException when the provider call fails
     */
    public StartedPayment start(PaymentOrder order, ActorRef actor) {
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(actor, "actor");
        provider.limits(order.tenant()).check(order.amountCents());
        PaymentId id = new PaymentId(ids.nextUuid());
        Map<String, String> details = new LinkedHashMap<>();
        details.put("provider", provider.name());
        details.put("amountCents", Long.toString(order.amountCents()));
        details.put("debtReference", order.debtReference());
        details.put("budgetYear", Integer.toString(order.budgetYear()));
        if (order.subject() != null) {
            details.put("subject", order.subject());
        }
        ProviderPayment created;
        try {
            created = provider.create(id, order);
        } catch (ProviderException e) {
            details.put("failure", e.kind().name());
            putCode(details, e);
            append(order.tenant(), chain(id), actor, "payment:create-failed", "WEB", details);
            throw e;
        }
        Payment payment = Payment.pending(id, created.operationId(), order, clock.instant());
        store.insert(payment);
        details.put("operationId", created.operationId().value());
        append(order.tenant(), chain(id), actor, "payment:created", "WEB", details);
        return new StartedPayment(payment, created.paymentPage());
    }

    /**
     * The provider's notification for an operation: reads it back and settles the payment from that.
     *
     * @param tenant the collectivité
     * @param operationId the operation the notification names, as received
     * @return the payment as it now stands, and whether this call settled it. Idempotent: a repeated notification
     * settles nothing more
     * @throws ValidationException when the operation id is malformed (audited as refused)
     * @throws UnknownOperationException when the collectivité has no such operation (audited as refused)
     * @throws ProviderException when the read-back fails; the payment stays pending
     * @throws ReadBackMismatchException when the provider's answer does not match the order; nothing is settled
     */
    public ReadBack notified(TenantId tenant, String operationId) {
        return readBack(tenant, operationId, "NOTIFICATION");
    }

    /**
     * The resident's browser back from the provider: whatever it claims, only a read-back from the
     * provider settles the payment (a forged return changes nothing the provider does not confirm).
     *
     * @param tenant the collectivité
     * @param operationId the operation the return names, as received
     * @return the payment as it now stands, and whether this call settled it
     * @throws ValidationException when the operation id is malformed (audited as refused)
     * @throws UnknownOperationException when the collectivité has no such operation (audited as refused)
     * @throws ProviderException when the read-back fails; the payment stays pending
     * @throws ReadBackMismatchException when the provider's answer does not match the order; nothing is settled
     */
    public ReadBack returned(TenantId tenant, String operationId) {
        return readBack(tenant, operationId, "WEB");
    }

    /**
     * The stored payment, read from the store only.
     *
     * @param tenant the collectivité
     * @param id the payment
     * @return the payment, or empty
     */
    public Optional<Payment> find(TenantId tenant, PaymentId id) {
        return store.find(tenant, id);
    }

    /**
     * Reads back the collectivité's payments still pending after {@code olderThan} (the notification never
     * came, or the resident closed the page); returns how many got settled. A failed read-back leaves its
     * payment pending for the next run.
     *
     * @param tenant the collectivité
     * @param olderThan how old a pending payment must be
     * @return how many were settled
     * @throws ValidationException when {@code olderThan} is negative
     */
    public int reconcilePending(TenantId tenant, Duration olderThan) {
        Objects.requireNonNull(tenant, "tenant");
        if (olderThan.isNegative()) {
            throw new ValidationException("olderThan", olderThan, "must not be negative");
        }
        Instant cutoff = clock.instant().minus(olderThan);
        int settled = 0;
        List<Payment> pending = store.pendingCreatedBefore(tenant, cutoff, RECONCILE_BATCH);
        for (Payment p : pending) {
            try {
                if (readBack(p, "JOB").settledNow()) {
                    settled++;
                }
            } catch (PaymentException e) {
                // Audited by readBack; the payment stays pending and the next run tries again.
            }
        }
        return settled;
    }

    private ReadBack readBack(TenantId tenant, String operationIdText, String channel) {
        Objects.requireNonNull(tenant, "tenant");
        OperationId operationId;
        try {
            operationId = new OperationId(operationIdText);
        } catch (ValidationException e) {
            refuseUnknown(tenant, operationIdText, channel, "malformed");
            throw e;
        }
        Optional<Payment> stored = store.find(tenant, operationId);
        if (stored.isEmpty()) {
            refuseUnknown(tenant, operationId.value(), channel, "unknown");
            throw new UnknownOperationException(tenant, operationId.value());
        }
        return readBack(stored.get(), channel);
    }

    private ReadBack readBack(Payment payment, String channel) {
        TenantId tenant = payment.order().tenant();
        RequestId chain = chain(payment.id());
        Map<String, String> details = new LinkedHashMap<>();
        details.put("provider", provider.name());
        details.put("operationId", payment.operationId().value());
        if (payment.status().isFinal()) {
            // Idempotent: a settled payment is never read back nor changed again.
            details.put("status", payment.status().name());
            append(tenant, chain, SYSTEM, "payment:already-settled", channel, details);
            return new ReadBack(payment, false);
        }
        ProviderResult result;
        try {
            result = provider.read(tenant, payment.operationId());
        } catch (ProviderException e) {
            details.put("failure", e.kind().name());
            putCode(details, e);
            append(tenant, chain, SYSTEM, "payment:read-failed", channel, details);
            throw e;
        }
        details.put("result", result.status().name());
        try {
            checkMatches(payment, result);
        } catch (ReadBackMismatchException e) {
            details.put("mismatch", e.field());
            details.put("actual", truncate(e.actual()));
            append(tenant, chain, SYSTEM, "payment:read-mismatch", channel, details);
            throw e;
        }
        append(tenant, chain, SYSTEM, "payment:read", channel, details);
        if (result.status() == PaymentStatus.PENDING) {
            return new ReadBack(payment, false);
        }
        Settlement settlement = new Settlement(
                result.status(),
                result.authorisationNumber(),
                result.transactionAt(),
                result.amountCents(),
                clock.instant());
        Optional<Payment> settled = store.settle(tenant, payment.operationId(), settlement);
        if (settled.isEmpty()) {
            // Another read-back (a second notification, the return on another node) settled it first.
            Payment now = store.find(tenant, payment.operationId()).orElse(payment);
            return new ReadBack(now, false);
        }
        Map<String, String> done = new LinkedHashMap<>();
        done.put("operationId", payment.operationId().value());
        done.put("status", settlement.status().name());
        if (settlement.authorisationNumber() != null) {
            done.put("authorisationNumber", truncate(settlement.authorisationNumber()));
        }
        append(tenant, chain, SYSTEM, "payment:settled", channel, done);
        return new ReadBack(settled.get(), true);
    }

    /** The read-back must be about the debt and the amount ordered; a paid result must say the amount. */
    private static void checkMatches(Payment payment, ProviderResult result) {
        PaymentOrder order = payment.order();
        if (!result.operationId().equals(payment.operationId())) {
            throw new ReadBackMismatchException(
                    payment.operationId(),
                    "operationId",
                    payment.operationId().value(),
                    result.operationId().value());
        }
        if (result.debtReference() != null && !result.debtReference().equals(order.debtReference())) {
            throw new ReadBackMismatchException(
                    payment.operationId(), "debtReference", order.debtReference(), result.debtReference());
        }
        Long amount = result.amountCents();
        if ((amount != null || result.status() == PaymentStatus.PAID)
                && (amount == null || amount != order.amountCents())) {
            throw new ReadBackMismatchException(
                    payment.operationId(), "amountCents", Long.toString(order.amountCents()), String.valueOf(amount));
        }
    }

    private void refuseUnknown(TenantId tenant, @Nullable String operationId, String channel, String reason) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("provider", provider.name());
        details.put("reason", reason);
        details.put("operationId", truncate(String.valueOf(operationId)));
        append(tenant, refusals(tenant), SYSTEM, "payment:refused-operation", channel, details);
    }

    private void append(
            TenantId tenant,
            RequestId chain,
            ActorRef actor,
            String action,
            String channel,
            Map<String, String> details) {
        audit.append(new AuditRecord(tenant, chain, actor, action, channel, clock.instant(), details));
    }

    private static void putCode(Map<String, String> details, ProviderException e) {
        if (e.code() != null) {
            details.put("code", truncate(e.code()));
        }
    }

    private static String truncate(String value) {
        return value.length() <= 256 ? value : value.substring(0, 256);
    }

    /**
     * A payment's audit chain: its own id (no request row anchors it).
     *
     * @param id the payment
     * @return the chain's key
     */
    public static RequestId chain(PaymentId id) {
        return RequestId.of(id.value());
    }

    /**
     * The chain of the collectivité's refused notifications and returns (unknown or malformed operations).
     *
     * @param tenant the collectivité
     * @return the chain's key
     */
    public static RequestId refusals(TenantId tenant) {
        return RequestId.of(UUID.nameUUIDFromBytes(
                ("opengru-payments-refusals:" + tenant.value()).getBytes(StandardCharsets.UTF_8)));
    }
}
