package org.opengru.payments.internal;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.opengru.core.error.AlreadyExistsException;
import org.opengru.core.id.UsagerId;
import org.opengru.core.tenancy.TenantId;
import org.opengru.payments.OperationId;
import org.opengru.payments.Payment;
import org.opengru.payments.PaymentId;
import org.opengru.payments.PaymentStatus;
import org.opengru.payments.PaymentStore;
import org.opengru.payments.Settlement;

/** The payment store for one JVM. Settling is a compare-and-set on the map entry. */
public final class InMemoryPaymentStore implements PaymentStore {

    private record Key(TenantId tenant, OperationId operationId) {}

    private final Map<Key, Payment> payments = new ConcurrentHashMap<>();

    @Override
    public void insert(Payment payment) {
        Key key = new Key(payment.order().tenant(), payment.operationId());
        if (payment.status() != PaymentStatus.PENDING) {
            throw new IllegalArgumentException("a new payment is pending, not " + payment.status());
        }
        if (payments.putIfAbsent(key, payment) != null) {
            throw new AlreadyExistsException(
                    "payment operation", payment.operationId().value());
        }
    }

    @Override
    public Optional<Payment> find(TenantId tenant, OperationId operationId) {
        return Optional.ofNullable(payments.get(new Key(tenant, operationId)));
    }

    @Override
    public Optional<Payment> find(TenantId tenant, PaymentId id) {
        return payments.values().stream()
                .filter(p -> p.order().tenant().equals(tenant) && p.id().equals(id))
                .findFirst();
    }

    @Override
    public Optional<Payment> settle(TenantId tenant, OperationId operationId, Settlement settlement) {
        Key key = new Key(tenant, operationId);
        Payment[] changed = new Payment[1];
        payments.computeIfPresent(key, (k, p) -> {
            if (!p.status().canBecome(settlement.status())) {
                return p;
            }
            changed[0] = p.settled(settlement);
            return changed[0];
        });
        return Optional.ofNullable(changed[0]);
    }

    @Override
    public Optional<Payment> mark(
            TenantId tenant, PaymentId id, PaymentStatus next, Instant at, @Nullable String note) {
        Optional<Payment> found = find(tenant, id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Payment[] changed = new Payment[1];
        payments.computeIfPresent(new Key(tenant, found.get().operationId()), (k, p) -> {
            if (!p.status().canBecome(next)) {
                return p;
            }
            changed[0] = p.marked(next, at, note);
            return changed[0];
        });
        return Optional.ofNullable(changed[0]);
    }

    @Override
    public List<Payment> pendingCreatedBefore(TenantId tenant, Instant createdBefore, int limit) {
        return payments.values().stream()
                .filter(p -> p.order().tenant().equals(tenant)
                        && p.status() == PaymentStatus.PENDING
                        && p.createdAt().isBefore(createdBefore))
                .sorted(Comparator.comparing(Payment::createdAt))
                .limit(limit)
                .toList();
    }

    @Override
    public List<Payment> ofSubject(TenantId tenant, String subject) {
        return payments.values().stream()
                .filter(p -> p.order().tenant().equals(tenant)
                        && subject.equals(p.order().subject()))
                .sorted(Comparator.comparing(Payment::createdAt))
                .toList();
    }

    @Override
    public List<Payment> ofPayer(TenantId tenant, UsagerId payer) {
        return payments.values().stream()
                .filter(p -> p.order().tenant().equals(tenant)
                        && payer.equals(p.order().payer()))
                .sorted(Comparator.comparing(Payment::createdAt))
                .toList();
    }

    @Override
    public int erasePayer(TenantId tenant, UsagerId payer) {
        return erase(tenant, p -> payer.equals(p.order().payer()), Integer.MAX_VALUE);
    }

    @Override
    public int eraseSubject(TenantId tenant, String subject) {
        return erase(tenant, p -> subject.equals(p.order().subject()), Integer.MAX_VALUE);
    }

    @Override
    public int eraseNotPendingCreatedBefore(TenantId tenant, Instant createdBefore, int limit) {
        return erase(
                tenant,
                p -> p.status() != PaymentStatus.PENDING && p.createdAt().isBefore(createdBefore),
                limit);
    }

    private int erase(TenantId tenant, Predicate<Payment> which, int limit) {
        int changed = 0;
        for (Key key : payments.keySet()) {
            if (changed >= limit || !key.tenant().equals(tenant)) {
                continue;
            }
            boolean[] did = new boolean[1];
            payments.computeIfPresent(key, (k, p) -> {
                if (p.order().isErased() || !which.test(p)) {
                    return p;
                }
                did[0] = true;
                return p.erased();
            });
            if (did[0]) {
                changed++;
            }
        }
        return changed;
    }
}
