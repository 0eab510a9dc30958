package org.opengru.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opengru.core.error.AlreadyExistsException;
import org.opengru.core.id.UsagerId;
import org.opengru.core.tenancy.TenantId;

/** What every {@link PaymentStore} does; run against the in-memory and the PostgreSQL store. */
public abstract class PaymentStoreContract {

    protected static final TenantId LYON = TenantId.of("lyon");
    protected static final TenantId DIJON = TenantId.of("dijon");
    protected static final Instant T0 = Instant.parse("2026-12-05T10:00:00Z");

    protected abstract PaymentStore store();

    protected static Payment pending(TenantId tenant, String op, Instant createdAt) {
        PaymentOrder order = new PaymentOrder(
                tenant, "CANTINE2026X1", 2026, 4250, "Cantine novembre", "claire@example.fr", "request:42");
        return Payment.pending(new PaymentId(UUID.randomUUID()), new OperationId(op), order, createdAt);
    }

    private static Settlement paid(Instant at) {
        return new Settlement(PaymentStatus.PAID, "A1B2C3", at.minusSeconds(60), 4250L, at);
    }

    @Test
    void storesAndFindsByOperationAndById() {
        Payment p = pending(LYON, "op1", T0);
        store().insert(p);
        assertThat(store().find(LYON, new OperationId("op1"))).contains(p);
        assertThat(store().find(LYON, p.id())).contains(p);
    }

    @Test
    void anotherCollectivitesOperationIsNotFound() {
        Payment p = pending(LYON, "op2", T0);
        store().insert(p);
        assertThat(store().find(DIJON, new OperationId("op2"))).isEmpty();
        assertThat(store().find(DIJON, p.id())).isEmpty();
        assertThat(store().settle(DIJON, new OperationId("op2"), paid(T0))).isEmpty();
        assertThat(store().find(LYON, p.id()).orElseThrow().status()).isEqualTo(PaymentStatus.PENDING);
    }

    @Test
    void anOperationIsStoredOncePerCollectivite() {
        store().insert(pending(LYON, "op3", T0));
        assertThatThrownBy(() -> store().insert(pending(LYON, "op3", T0))).isInstanceOf(AlreadyExistsException.class);
        store().insert(pending(DIJON, "op3", T0));
        assertThat(store().find(DIJON, new OperationId("op3"))).isPresent();
    }

    @Test
    void settlesOnceOnly() {
        Payment p = pending(LYON, "op4", T0);
        store().insert(p);
        Payment settled =
                store().settle(LYON, p.operationId(), paid(T0.plusSeconds(300))).orElseThrow();
        assertThat(settled.status()).isEqualTo(PaymentStatus.PAID);
        assertThat(settled.authorisationNumber()).isEqualTo("A1B2C3");
        assertThat(settled.paidCents()).isEqualTo(4250L);
        assertThat(settled.settledAt()).isEqualTo(T0.plusSeconds(300));
        assertThat(settled.transactionAt()).isEqualTo(T0.plusSeconds(240));
        assertThat(store().settle(
                                LYON,
                                p.operationId(),
                                new Settlement(PaymentStatus.REFUSED, null, null, null, T0.plusSeconds(400))))
                .isEmpty();
        assertThat(store().find(LYON, p.id())).contains(settled);
    }

    @Test
    void settlingAnUnknownOperationChangesNothing() {
        assertThat(store().settle(LYON, new OperationId("nowhere"), paid(T0))).isEmpty();
    }

    @Test
    void listsPendingPaymentsOlderThanTheCutoffOldestFirst() {
        TenantId t = TenantId.of("pending-list");
        Payment old = pending(t, "old", T0.minusSeconds(3600));
        Payment older = pending(t, "older", T0.minusSeconds(7200));
        Payment recent = pending(t, "recent", T0.minusSeconds(60));
        Payment settled = pending(t, "settled", T0.minusSeconds(9000));
        store().insert(old);
        store().insert(older);
        store().insert(recent);
        store().insert(settled);
        store().settle(t, settled.operationId(), paid(T0));
        assertThat(store().pendingCreatedBefore(t, T0.minusSeconds(600), 10))
                .extracting(Payment::operationId)
                .containsExactly(older.operationId(), old.operationId());
        assertThat(store().pendingCreatedBefore(t, T0.minusSeconds(600), 1)).hasSize(1);
        assertThat(store().pendingCreatedBefore(DIJON, T0, 10))
                .noneMatch(p -> p.order().tenant().equals(t));
    }

    @Test
    void findsThePayersPaymentsAndErasesTheirPersonalDataKeepingTheAccountingFacts() {
        TenantId t = TenantId.of("erase-payer");
        UsagerId claire = UsagerId.of(UUID.randomUUID());
        Payment mine = paidBy(pending(t, "mine", T0), claire);
        Payment other = pending(t, "other", T0.plusSeconds(1));
        store().insert(mine);
        store().insert(other);
        store().settle(t, mine.operationId(), paid(T0.plusSeconds(60)));
        assertThat(store().ofPayer(t, claire)).extracting(Payment::operationId).containsExactly(mine.operationId());
        assertThat(store().ofPayer(DIJON, claire)).isEmpty();
        assertThat(store().erasePayer(DIJON, claire)).isZero();

        assertThat(store().erasePayer(t, claire)).isEqualTo(1);

        Payment erased = store().find(t, mine.id()).orElseThrow();
        assertThat(erased.order().payerEmail()).isNull();
        assertThat(erased.order().payer()).isNull();
        assertThat(erased.order().object()).isEqualTo(PaymentOrder.ERASED_OBJECT);
        assertThat(erased.order().debtReference()).isEqualTo("CANTINE2026X1");
        assertThat(erased.status()).isEqualTo(PaymentStatus.PAID);
        assertThat(erased.authorisationNumber()).isEqualTo("A1B2C3");
        assertThat(store().ofPayer(t, claire)).isEmpty();
        assertThat(store().find(t, other.id()).orElseThrow().order().payerEmail())
                .isEqualTo("claire@example.fr");
        assertThat(store().erasePayer(t, claire)).as("idempotent").isZero();
    }

    @Test
    void erasesThePaymentsOfASubject() {
        TenantId t = TenantId.of("erase-subject");
        Payment p = pending(t, "forRequest", T0);
        PaymentOrder o = p.order();
        Payment forRequest = Payment.pending(
                p.id(),
                p.operationId(),
                new PaymentOrder(t, o.debtReference(), 2026, 4250, o.object(), o.payerEmail(), "request:erase-subject"),
                T0);
        store().insert(forRequest);
        assertThat(store().ofSubject(t, "request:erase-subject")).containsExactly(forRequest);
        assertThat(store().ofSubject(DIJON, "request:erase-subject")).isEmpty();
        assertThat(store().eraseSubject(t, "request:41")).isZero();
        assertThat(store().eraseSubject(DIJON, "request:erase-subject")).isZero();
        assertThat(store().eraseSubject(t, "request:erase-subject")).isEqualTo(1);
        Payment erased = store().find(t, forRequest.id()).orElseThrow();
        assertThat(erased.order().isErased()).isTrue();
        assertThat(erased.status()).as("still pending: it can be read back").isEqualTo(PaymentStatus.PENDING);
    }

    @Test
    void thePurgeErasesOldSettledPaymentsInBatchesAndLeavesPendingOnes() {
        TenantId t = TenantId.of("purge");
        Payment old1 = pending(t, "old1", T0.minusSeconds(9000));
        Payment old2 = pending(t, "old2", T0.minusSeconds(8000));
        Payment oldPending = pending(t, "oldPending", T0.minusSeconds(7000));
        Payment recent = pending(t, "recent", T0.minusSeconds(60));
        for (Payment p : new Payment[] {old1, old2, oldPending, recent}) {
            store().insert(p);
        }
        for (Payment p : new Payment[] {old1, old2, recent}) {
            store().settle(t, p.operationId(), paid(T0));
        }
        assertThat(store().eraseNotPendingCreatedBefore(t, T0.minusSeconds(600), 1))
                .isEqualTo(1);
        assertThat(store().eraseNotPendingCreatedBefore(t, T0.minusSeconds(600), 10))
                .isEqualTo(1);
        assertThat(store().eraseNotPendingCreatedBefore(t, T0.minusSeconds(600), 10))
                .isZero();
        assertThat(store().find(t, old1.id()).orElseThrow().order().isErased()).isTrue();
        assertThat(store().find(t, old2.id()).orElseThrow().order().isErased()).isTrue();
        assertThat(store().find(t, oldPending.id()).orElseThrow().order().isErased())
                .isFalse();
        assertThat(store().find(t, recent.id()).orElseThrow().order().isErased())
                .isFalse();
    }

    protected static Payment paidBy(Payment p, UsagerId payer) {
        return Payment.pending(p.id(), p.operationId(), p.order().by(payer), p.createdAt());
    }

    @Test
    void marksOnlyAlongTheTableAndKeepsWhatTheProviderSaid() {
        TenantId t = TenantId.of("mark");
        Payment p = pending(t, "mark1", T0);
        store().insert(p);
        assertThat(store().mark(t, p.id(), PaymentStatus.REFUND_DUE, T0, "x")).isEmpty();
        assertThat(store().mark(DIJON, p.id(), PaymentStatus.EXPIRED, T0, "x")).isEmpty();
        Payment expired = store().mark(t, p.id(), PaymentStatus.EXPIRED, T0.plusSeconds(5), "sans résultat")
                .orElseThrow();
        assertThat(expired.status()).isEqualTo(PaymentStatus.EXPIRED);
        assertThat(expired.note()).isEqualTo("sans résultat");
        assertThat(expired.settledAt()).isEqualTo(T0.plusSeconds(5));
        assertThat(store().mark(t, p.id(), PaymentStatus.CANCELLED, T0, "x"))
                .as("once")
                .isEmpty();
        assertThat(store().pendingCreatedBefore(t, T0.plusSeconds(60), 10)).isEmpty();
        assertThat(store().settle(t, p.operationId(), new Settlement(PaymentStatus.REFUSED, null, null, null, T0)))
                .as("given up: only a late payment moves it")
                .isEmpty();

        Payment late =
                store().settle(t, p.operationId(), paid(T0.plusSeconds(90))).orElseThrow();
        assertThat(late.status()).isEqualTo(PaymentStatus.PAID);
        Payment due = store().mark(t, p.id(), PaymentStatus.REFUND_DUE, T0.plusSeconds(100), "trop tard")
                .orElseThrow();
        assertThat(due.authorisationNumber()).isEqualTo("A1B2C3");
        assertThat(due.paidCents()).isEqualTo(4250L);
        assertThat(store().find(t, p.id())).contains(due);
    }
}
