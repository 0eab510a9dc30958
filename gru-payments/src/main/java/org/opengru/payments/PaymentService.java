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
import org.opengru.core.error.IllegalTransitionException;
import org.opengru.core.error.NotFoundException;
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
    /** A give-up limit that never comes. */
    private static final Duration NEVER = Duration.ofSeconds(Long.MAX_VALUE);

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
        try {
            if (order.payerEmail() == null) {
                throw new ValidationException(
                        "payerEmail", null, "is required: the provider sends the ticket there (mel)");
            }
            provider.limits(order.tenant()).check(order.amountCents());
        } catch (ValidationException e) {
            // Refused before any call, and audited on the collectivité's refusals chain (no e-mail in it).
            Map<String, String> refused = new LinkedHashMap<>();
            refused.put("provider", provider.name());
            refused.put("reason", "order");
            refused.put("field", e.field());
            refused.put("amountCents", Long.toString(order.amountCents()));
            refused.put("debtReference", order.debtReference());
            append(order.tenant(), refusals(order.tenant()), actor, "payment:refused-order", "WEB", refused);
            throw e;
        }
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
     * payment pending for the next run. Never gives up: see {@link #reconcile}.
     *
     * @param tenant the collectivité
     * @param olderThan how old a pending payment must be
     * @return how many were settled
     * @throws ValidationException when {@code olderThan} is negative
     */
    public int reconcilePending(TenantId tenant, Duration olderThan) {
        return reconcile(tenant, olderThan, NEVER).settled();
    }

    /**
     * Reads back the collectivité's payments still pending after {@code olderThan}, and gives up on those
     * created more than {@code giveUpAfter} ago that this last read-back still finds without a result: they
     * become {@link PaymentStatus#EXPIRED}, audited ({@code payment:expired}). A payment whose read-back
     * failed is never given up (the provider may hold a result OpenGRU could not read); an expired payment
     * that the provider later says paid is still read back on its notification and recorded paid (never
     * lost: {@code payment:paid-late}). Safe to run on several nodes at once: a payment settled or marked by
     * another meanwhile is left as it is.
     *
     * @param tenant the collectivité
     * @param olderThan how old a pending payment must be to be read back (a resident may still be paying)
     * @param giveUpAfter how old a payment without a result must be to be given up, at least {@code olderThan}
     * @return how many payments were read back, settled, expired, and could not be read back
     * @throws ValidationException naming {@code olderThan} when negative, or {@code giveUpAfter} when below it
     */
    public Reconciliation reconcile(TenantId tenant, Duration olderThan, Duration giveUpAfter) {
        Objects.requireNonNull(tenant, "tenant");
        if (olderThan.isNegative()) {
            throw new ValidationException("olderThan", olderThan, "must not be negative");
        }
        if (giveUpAfter.isNegative() || giveUpAfter.compareTo(olderThan) < 0) {
            throw new ValidationException("giveUpAfter", giveUpAfter, "must be at least olderThan (" + olderThan + ")");
        }
        Instant now = clock.instant();
        Instant giveUpBefore = giveUpAfter.equals(NEVER) ? Instant.MIN : now.minus(giveUpAfter);
        int read = 0;
        int settled = 0;
        int expired = 0;
        int failed = 0;
        List<Payment> pending = store.pendingCreatedBefore(tenant, now.minus(olderThan), RECONCILE_BATCH);
        for (Payment p : pending) {
            ReadBack back;
            try {
                back = readBack(p, "JOB");
            } catch (PaymentException e) {
                // Audited by readBack; the payment stays pending and the next run tries again.
                failed++;
                continue;
            }
            read++;
            if (back.settledNow()) {
                settled++;
            } else if (back.payment().status() == PaymentStatus.PENDING
                    && p.createdAt().isBefore(giveUpBefore)
                    && giveUp(p, giveUpAfter)) {
                expired++;
            }
        }
        return new Reconciliation(read, settled, expired, failed);
    }

    /** The outcome of one reconciliation run for a collectivité. */
    public record Reconciliation(int read, int settled, int expired, int failed) {}

    private boolean giveUp(Payment p, Duration giveUpAfter) {
        Optional<Payment> marked = store.mark(
                p.order().tenant(),
                p.id(),
                PaymentStatus.EXPIRED,
                clock.instant(),
                "sans résultat chez le prestataire après " + giveUpAfter.toMinutes() + " minutes");
        if (marked.isPresent()) {
            Map<String, String> details = new LinkedHashMap<>();
            details.put("operationId", p.operationId().value());
            details.put("status", PaymentStatus.EXPIRED.name());
            details.put("giveUpAfter", giveUpAfter.toString());
            append(p.order().tenant(), chain(p.id()), SYSTEM, "payment:expired", "JOB", details);
        }
        return marked.isPresent();
    }

    /**
     * The commune cancels a payment not made yet (the request withdrawn, the booking released): {@link
     * PaymentStatus#CANCELLED}, audited. If the provider later says it was paid, the payment is recorded paid
     * and the application records its refund ({@link #refundDue}).
     *
     *
     * @param tenant the collectivité
     * @param id the payment
     * @param actor who acts (an agent, the application), for the audit
     * @param reason why, 1 to 500 characters (audited as its hash: it may name someone)
     * @return the payment, CANCELLED
     * @throws ValidationException naming {@code reason} when blank, too long or with control characters
     * @throws org.opengru.core.error.NotFoundException when the collectivité has no such payment
     * @throws org.opengru.core.error.IllegalTransitionException when it is no longer pending
     */
    public Payment cancel(TenantId tenant, PaymentId id, ActorRef actor, String reason) {
        return move(tenant, id, actor, PaymentStatus.CANCELLED, "payment:cancelled", "reason", reason);
    }

    /**
     * Records that a paid payment is to be refunded (remboursement à effectuer par le comptable public): the
     * request was refused or lapsed, the booking cancelled, the payment came after its deadline. OpenGRU does
     * not refund: the régie asks the comptable public, who does; {@link #refunded} records it done.
     *
     *
     * @param tenant the collectivité
     * @param id the payment
     * @param actor who acts (an agent, the application), for the audit
     * @param reason why, 1 to 500 characters (audited as its hash: it may name someone)
     * @return the payment, REFUND_DUE
     * @throws ValidationException naming {@code reason} when blank, too long or with control characters
     * @throws org.opengru.core.error.NotFoundException when the collectivité has no such payment
     * @throws org.opengru.core.error.IllegalTransitionException when it is not paid
     */
    public Payment refundDue(TenantId tenant, PaymentId id, ActorRef actor, String reason) {
        return move(tenant, id, actor, PaymentStatus.REFUND_DUE, "payment:refund-due", "reason", reason);
    }

    /**
     * Records that the comptable public refunded the payment (an agent's statement, such as the date and
     * reference of the refund).
     *
     *
     * @param tenant the collectivité
     * @param id the payment
     * @param actor who acts (an agent, the application), for the audit
     * @param statement the agent's statement, 1 to 500 characters (audited as its hash)
     * @return the payment, REFUNDED
     * @throws ValidationException naming {@code statement} when blank, too long or with control characters
     * @throws org.opengru.core.error.NotFoundException when the collectivité has no such payment
     * @throws org.opengru.core.error.IllegalTransitionException when no refund was due
     */
    public Payment refunded(TenantId tenant, PaymentId id, ActorRef actor, String statement) {
        return move(tenant, id, actor, PaymentStatus.REFUNDED, "payment:refunded", "statement", statement);
    }

    private Payment move(
            TenantId tenant,
            PaymentId id,
            ActorRef actor,
            PaymentStatus next,
            String action,
            String field,
            String why) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(actor, "actor");
        if (why == null || why.isBlank() || why.length() > 500 || why.chars().anyMatch(Character::isISOControl)) {
            throw new ValidationException(field, why, "must be 1 to 500 characters without control characters");
        }
        Payment current = store.find(tenant, id).orElseThrow(() -> new NotFoundException("payment", id.toString()));
        Optional<Payment> moved = current.status().canBecome(next)
                ? store.mark(tenant, id, next, clock.instant(), why)
                : Optional.empty();
        if (moved.isEmpty()) {
            Payment now = store.find(tenant, id).orElse(current);
            throw new IllegalTransitionException(
                    "payment",
                    id.toString(),
                    now.status().name(),
                    action,
                    actor.toString(),
                    "only from " + next.from());
        }
        Map<String, String> details = new LinkedHashMap<>();
        details.put("operationId", current.operationId().value());
        details.put("from", current.status().name());
        details.put("status", next.name());
        // The reason may name someone: its hash only, as gru-core's audit does for reasons.
        details.put(field + "Sha256", sha256(why));
        append(tenant, chain(id), actor, action, "WEB", details);
        return moved.get();
    }

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of()
                    .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                            .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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
        if (!payment.status().awaitsReadBack()) {
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
        if (!payment.status().canBecome(result.status())) {
            // No result yet; or, for a payment given up or cancelled, anything but a late payment.
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
        // A payment given up or cancelled, then paid: recorded, never lost; the application records its refund.
        append(
                tenant,
                chain,
                SYSTEM,
                payment.status() == PaymentStatus.PENDING ? "payment:settled" : "payment:paid-late",
                channel,
                done);
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
