package org.opengru.payments.payfip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opengru.core.audit.AuditEntry;
import org.opengru.core.audit.AuditTrail;
import org.opengru.core.error.IllegalTransitionException;
import org.opengru.core.error.NotFoundException;
import org.opengru.core.error.ValidationException;
import org.opengru.core.id.IdGenerator;
import org.opengru.core.principal.ActorKind;
import org.opengru.core.principal.ActorRef;
import org.opengru.core.tenancy.TenantId;
import org.opengru.payments.OperationId;
import org.opengru.payments.Payment;
import org.opengru.payments.PaymentLimits;
import org.opengru.payments.PaymentOrder;
import org.opengru.payments.PaymentService;
import org.opengru.payments.PaymentStatus;
import org.opengru.payments.ProviderException;
import org.opengru.payments.ReadBack;
import org.opengru.payments.ReadBackMismatchException;
import org.opengru.payments.StartedPayment;
import org.opengru.payments.UnknownOperationException;
import org.opengru.payments.internal.InMemoryPaymentStore;
import org.opengru.test.MutableClock;

/** The whole PayFiP flow against a PayFiP-shaped SOAP service on loopback. */
class PayfipPaymentFlowTest {

    private static final TenantId LYON = TenantId.of("lyon");
    private static final TenantId DIJON = TenantId.of("dijon");
    private static final ActorRef CLAIRE = new ActorRef(ActorKind.USAGER, "claire");
    private static final ActorRef AGENT = new ActorRef(ActorKind.AGENT, "mdupont");

    private final FakePayfip payfip;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-05T13:00:00Z"));
    private final InMemoryPaymentStore store = new InMemoryPaymentStore();
    private final AuditTrail audit = AuditTrail.inMemory();
    private final Map<TenantId, PayfipAccount> accounts;
    private final PaymentService service;

    PayfipPaymentFlowTest() throws IOException {
        payfip = new FakePayfip();
        accounts = Map.of(
                LYON, account("123456", PaymentLimits.PAYFIP),
                DIJON, account("654321", new PaymentLimits(500, 20_000)));
        service = new PaymentService(
                new PayfipProvider(payfip.config(), t -> Optional.ofNullable(accounts.get(t))),
                store,
                audit,
                clock,
                IdGenerator.create(clock));
    }

    private static PayfipAccount account(String numcli, PaymentLimits limits) {
        return new PayfipAccount(
                numcli,
                PayfipMode.TEST,
                URI.create("https://gru.example.fr/payfip/notification"),
                URI.create("https://gru.example.fr/payfip/retour"),
                limits);
    }

    @AfterEach
    void stop() {
        payfip.close();
    }

    private static PaymentOrder order(TenantId tenant, long cents) {
        return new PaymentOrder(tenant, "CANTINE2026X1", 2026, cents, "Cantine de novembre", "claire@example.fr", null);
    }

    private StartedPayment start(TenantId tenant) {
        return service.start(order(tenant, 4250), CLAIRE);
    }

    private List<String> actions(Payment p) {
        return audit.entries(p.order().tenant(), PaymentService.chain(p.id())).stream()
                .map(AuditEntry::record)
                .map(r -> r.action())
                .toList();
    }

    @Test
    void createsTheOperationWithTheGuidesFieldsAndSendsTheResidentToThePaymentPage() {
        StartedPayment started = start(LYON);
        String idOp = started.payment().operationId().value();
        assertThat(started.paymentPage().toString()).endsWith("/tpa/paiementws.web?idop=" + idOp);
        assertThat(payfip.operation(idOp).created)
                .containsEntry("numcli", "123456")
                .containsEntry("exer", "2026")
                .containsEntry("refdet", "CANTINE2026X1")
                .containsEntry("montant", "4250")
                .containsEntry("objet", "Cantine de novembre")
                .containsEntry("mel", "claire@example.fr")
                .containsEntry("saisie", "T")
                .containsEntry("urlnotif", "https://gru.example.fr/payfip/notification")
                .containsEntry("urlredirect", "https://gru.example.fr/payfip/retour");
        assertThat(started.payment().status()).isEqualTo(PaymentStatus.PENDING);
        assertThat(actions(started.payment())).containsExactly("payment:created");
    }

    @Test
    void paidAsReadBackAfterTheNotificationThenTheReturnChangesNothing() {
        Payment p = start(LYON).payment();
        String idOp = p.operationId().value();
        payfip.pay(idOp);
        ReadBack notified = service.notified(LYON, idOp);
        assertThat(notified.settledNow()).isTrue();
        assertThat(notified.payment().status()).isEqualTo(PaymentStatus.PAID);
        assertThat(notified.payment().authorisationNumber()).isEqualTo("A1B2C3");
        assertThat(notified.payment().paidCents()).isEqualTo(4250L);
        // 05/12/2026 14:32 in Paris is 13:32 UTC.
        assertThat(notified.payment().transactionAt()).isEqualTo(Instant.parse("2026-12-05T13:32:00Z"));
        ReadBack returned = service.returned(LYON, idOp);
        assertThat(returned.settledNow()).isFalse();
        assertThat(returned.payment()).isEqualTo(notified.payment());
        assertThat(actions(p))
                .containsExactly("payment:created", "payment:read", "payment:settled", "payment:already-settled");
    }

    @Test
    void theReturnBeforeTheNotificationSettlesFromTheReadBackAndTheLateNotificationChangesNothing() {
        Payment p = start(LYON).payment();
        String idOp = p.operationId().value();
        payfip.pay(idOp);
        assertThat(service.returned(LYON, idOp).settledNow()).isTrue();
        ReadBack late = service.notified(LYON, idOp);
        assertThat(late.settledNow()).isFalse();
        assertThat(late.payment().status()).isEqualTo(PaymentStatus.PAID);
        assertThat(payfip.calls).containsExactly("creerPaiementSecurise", "recupererDetailPaiementSecurise");
    }

    @Test
    void refusedAndAbandonedPayments() {
        Payment refused = start(LYON).payment();
        payfip.refuse(refused.operationId().value());
        assertThat(service.notified(LYON, refused.operationId().value())
                        .payment()
                        .status())
                .isEqualTo(PaymentStatus.REFUSED);
        Payment abandoned = start(LYON).payment();
        payfip.abandon(abandoned.operationId().value());
        ReadBack r = service.returned(LYON, abandoned.operationId().value());
        assertThat(r.payment().status()).isEqualTo(PaymentStatus.ABANDONED);
        assertThat(r.payment().authorisationNumber()).isNull();
    }

    @Test
    void aForgedReturnOfAnUnpaidOperationLeavesItPending() {
        Payment p = start(LYON).payment();
        ReadBack r = service.returned(LYON, p.operationId().value());
        assertThat(r.settledNow()).isFalse();
        assertThat(store.find(LYON, p.id()).orElseThrow().status()).isEqualTo(PaymentStatus.PENDING);
    }

    @Test
    void aNotificationThatNeverArrivesIsReconciledByTheJob() {
        Payment p = start(LYON).payment();
        Payment other = start(LYON).payment();
        payfip.pay(p.operationId().value());
        assertThat(service.reconcilePending(LYON, Duration.ofMinutes(30))).isZero();
        clock.advance(Duration.ofMinutes(31));
        Payment fresh = start(LYON).payment();
        payfip.pay(fresh.operationId().value());
        assertThat(service.reconcilePending(LYON, Duration.ofMinutes(30))).isEqualTo(1);
        assertThat(store.find(LYON, p.id()).orElseThrow().status()).isEqualTo(PaymentStatus.PAID);
        assertThat(store.find(LYON, other.id()).orElseThrow().status()).isEqualTo(PaymentStatus.PENDING);
        assertThat(store.find(LYON, fresh.id()).orElseThrow().status()).isEqualTo(PaymentStatus.PENDING);
        assertThat(service.reconcilePending(DIJON, Duration.ofMinutes(30))).isZero();
    }

    @Test
    void aNotificationForAnUnknownOrAnotherCollectivitesOperationIsRefusedAuditedAndChangesNothing() {
        Payment lyons = start(LYON).payment();
        payfip.pay(lyons.operationId().value());
        assertThatThrownBy(() -> service.notified(DIJON, lyons.operationId().value()))
                .isInstanceOf(UnknownOperationException.class)
                .hasMessageContaining(lyons.operationId().value());
        assertThatThrownBy(() -> service.notified(LYON, "nosuchop")).isInstanceOf(UnknownOperationException.class);
        assertThatThrownBy(() -> service.returned(LYON, "<script>"))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("operationId");
        assertThat(store.find(LYON, lyons.id()).orElseThrow().status()).isEqualTo(PaymentStatus.PENDING);
        assertThat(audit.entries(DIJON, PaymentService.refusals(DIJON)))
                .extracting(e -> e.record().details().get("operationId"))
                .containsExactly(lyons.operationId().value());
        assertThat(audit.entries(LYON, PaymentService.refusals(LYON)))
                .extracting(e -> e.record().details().get("reason"))
                .containsExactly("unknown", "malformed");
        assertThat(payfip.calls).containsExactly("creerPaiementSecurise");
    }

    @Test
    void badInputIsRefusedBeforeAnyCall() {
        assertThatThrownBy(() -> service.start(order(LYON, 99), CLAIRE))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("amountCents");
                    assertThat(e.value()).isEqualTo("99");
                });
        assertThatThrownBy(() -> service.start(order(LYON, 10_000_000), CLAIRE))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("amountCents");
        assertThatThrownBy(() -> service.start(order(DIJON, 25_000), CLAIRE))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("20000");
        assertThatThrownBy(() -> new PaymentOrder(LYON, "AB-12", 2026, 100, "x", "a@b.fr", null))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo("debtReference"));
        assertThatThrownBy(() -> new PaymentOrder(LYON, "ABCDEF", 26, 100, "x", "a@b.fr", null))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo("budgetYear"));
        assertThatThrownBy(() -> new PaymentOrder(LYON, "ABCDEF", 2026, 100, "x", "claire@", null))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo("payerEmail"));
        assertThatThrownBy(() -> new PayfipAccount(
                        "12345", PayfipMode.TEST, URI.create("https://a.fr/n"), URI.create("https://a.fr/r")))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo("payfip.clientNumber"));
        assertThat(payfip.calls).isEmpty();
        assertThat(audit.entries(LYON, PaymentService.refusals(LYON)))
                .extracting(
                        e -> e.record().action() + " " + e.record().details().get("field") + " "
                                + e.record().details().get("amountCents"))
                .containsExactly("payment:refused-order amountCents 99", "payment:refused-order amountCents 10000000");
        assertThat(store.pendingCreatedBefore(LYON, clock.instant().plusSeconds(1), 10))
                .as("nothing stored")
                .isEmpty();
    }

    @Test
    void aReadBackForAnotherAmountOrClientNumberIsRefusedAndChangesNothing() {
        Payment p = start(LYON).payment();
        String idOp = p.operationId().value();
        payfip.pay(idOp);
        payfip.operation(idOp).montant = "100";
        assertThatThrownBy(() -> service.notified(LYON, idOp))
                .isInstanceOfSatisfying(
                        ReadBackMismatchException.class,
                        e -> assertThat(e.field()).isEqualTo("amountCents"));
        payfip.operation(idOp).montant = "4250";
        payfip.operation(idOp).numcli = "999999";
        assertThatThrownBy(() -> service.notified(LYON, idOp))
                .isInstanceOfSatisfying(
                        ProviderException.class,
                        e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.ACCOUNT_MISMATCH));
        assertThat(store.find(LYON, p.id()).orElseThrow().status()).isEqualTo(PaymentStatus.PENDING);
        assertThat(actions(p)).containsExactly("payment:created", "payment:read-mismatch", "payment:read-failed");
    }

    @Test
    void faultsAndTimeoutsAreTypedAndAudited() {
        Payment p = start(LYON).payment();
        OperationId op = p.operationId();
        PayfipProvider provider = new PayfipProvider(payfip.config(), t -> Optional.ofNullable(accounts.get(t)));
        assertThatThrownBy(() -> provider.read(LYON, new OperationId("neverCreated")))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ProviderException.Kind.FAULT);
                    assertThat(e.code()).isEqualTo("P5");
                });
        assertThatThrownBy(() -> provider.read(TenantId.of("nowhere"), op))
                .isInstanceOfSatisfying(
                        ProviderException.class,
                        e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.NOT_CONFIGURED));
        payfip.hold = new CountDownLatch(1);
        try {
            assertThatThrownBy(() -> service.notified(LYON, op.value()))
                    .isInstanceOfSatisfying(
                            ProviderException.class,
                            e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.TIMEOUT));
            assertThatThrownBy(() -> service.start(order(LYON, 500), CLAIRE)).isInstanceOf(ProviderException.class);
        } finally {
            payfip.hold.countDown();
            payfip.hold = null;
        }
        assertThat(actions(p)).containsExactly("payment:created", "payment:read-failed");
        assertThat(store.pendingCreatedBefore(LYON, clock.instant().plusSeconds(1), 10))
                .hasSize(1);
    }

    @Test
    void aPaymentPendingPastTheLimitIsGivenUpAfterItsLastReadBackAndAuditedNeverWhileUnreadable() {
        Payment silent = start(LYON).payment();
        Payment unreadable = start(LYON).payment();
        clock.advance(Duration.ofMinutes(31));
        assertThat(service.reconcile(LYON, Duration.ofMinutes(30), Duration.ofHours(2)))
                .as("pending, not yet past the limit")
                .isEqualTo(new PaymentService.Reconciliation(2, 0, 0, 0));
        clock.advance(Duration.ofHours(2));
        payfip.calls.clear();
        Payment fresh = start(LYON).payment();
        payfip.unavailable = true;
        PaymentService.Reconciliation down = service.reconcile(LYON, Duration.ofMinutes(30), Duration.ofHours(2));
        assertThat(down).isEqualTo(new PaymentService.Reconciliation(0, 0, 0, 2));
        assertThat(store.find(LYON, silent.id()).orElseThrow().status())
                .as("a read-back that failed never gives up")
                .isEqualTo(PaymentStatus.PENDING);
        payfip.unavailable = false;

        PaymentService.Reconciliation run = service.reconcile(LYON, Duration.ofMinutes(30), Duration.ofHours(2));

        assertThat(run).isEqualTo(new PaymentService.Reconciliation(2, 0, 2, 0));
        Payment expired = store.find(LYON, silent.id()).orElseThrow();
        assertThat(expired.status()).isEqualTo(PaymentStatus.EXPIRED);
        assertThat(expired.note()).contains("120 minutes");
        assertThat(actions(expired)).endsWith("payment:read", "payment:expired");
        assertThat(store.find(LYON, unreadable.id()).orElseThrow().status()).isEqualTo(PaymentStatus.EXPIRED);
        assertThat(store.find(LYON, fresh.id()).orElseThrow().status()).isEqualTo(PaymentStatus.PENDING);
        assertThat(service.reconcile(LYON, Duration.ofMinutes(30), Duration.ofHours(2))
                        .read())
                .as("given up: not reconciled again")
                .isZero();
    }

    @Test
    void aPaymentGivenUpOrCancelledThatThenProvesPaidIsRecordedPaidNeverLost() {
        Payment given = start(LYON).payment();
        Payment cancelled = start(LYON).payment();
        clock.advance(Duration.ofHours(3));
        service.reconcile(LYON, Duration.ofMinutes(30), Duration.ofHours(2));
        assertThatThrownBy(() -> service.cancel(LYON, given.id(), CLAIRE, "demande retirée"))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("EXPIRED");
        Payment c = store.find(LYON, cancelled.id()).orElseThrow();
        assertThat(c.status()).isEqualTo(PaymentStatus.EXPIRED);

        payfip.pay(given.operationId().value());
        ReadBack late = service.notified(LYON, given.operationId().value());

        assertThat(late.settledNow()).isTrue();
        assertThat(late.payment().status()).isEqualTo(PaymentStatus.PAID);
        assertThat(late.payment().authorisationNumber()).isEqualTo("A1B2C3");
        assertThat(actions(late.payment())).endsWith("payment:read", "payment:paid-late");
        assertThat(service.notified(LYON, given.operationId().value()).settledNow())
                .as("once")
                .isFalse();
    }

    @Test
    void theCommuneCancelsAPendingPaymentAndRecordsTheRefundTheComptablePublicMakes() {
        Payment pending = start(LYON).payment();
        Payment cancelled = service.cancel(LYON, pending.id(), AGENT, "Réservation annulée");
        assertThat(cancelled.status()).isEqualTo(PaymentStatus.CANCELLED);
        assertThat(cancelled.note()).isEqualTo("Réservation annulée");
        payfip.refuse(pending.operationId().value());
        assertThat(service.notified(LYON, pending.operationId().value())
                        .payment()
                        .status())
                .as("refused after cancellation: stays cancelled")
                .isEqualTo(PaymentStatus.CANCELLED);

        Payment paid = start(LYON).payment();
        payfip.pay(paid.operationId().value());
        service.notified(LYON, paid.operationId().value());
        assertThatThrownBy(() -> service.refunded(LYON, paid.id(), AGENT, "virement du 12/12"))
                .isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> service.refundDue(LYON, paid.id(), AGENT, " "))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("reason");
        assertThatThrownBy(() -> service.refundDue(DIJON, paid.id(), AGENT, "Salle indisponible"))
                .isInstanceOf(NotFoundException.class);

        Payment due = service.refundDue(LYON, paid.id(), AGENT, "Salle indisponible");
        assertThat(due.status()).isEqualTo(PaymentStatus.REFUND_DUE);
        assertThat(due.authorisationNumber()).as("what PayFiP said stays").isEqualTo("A1B2C3");
        assertThatThrownBy(() -> service.cancel(LYON, paid.id(), AGENT, "encore"))
                .isInstanceOf(IllegalTransitionException.class);
        Payment refunded = service.refunded(LYON, paid.id(), AGENT, "Remboursé par la DDFiP le 12/12/2026");
        assertThat(refunded.status()).isEqualTo(PaymentStatus.REFUNDED);
        assertThat(actions(refunded)).endsWith("payment:refund-due", "payment:refunded");
        assertThat(audit.entries(LYON, PaymentService.chain(paid.id())).toString())
                .as("the reason is hashed, never in the audit")
                .doesNotContain("Salle indisponible");
    }
}
