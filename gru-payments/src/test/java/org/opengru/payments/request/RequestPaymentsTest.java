package org.opengru.payments.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opengru.core.GruCore;
import org.opengru.core.audit.AuditTrail;
import org.opengru.core.catalogue.FormData;
import org.opengru.core.catalogue.ProcedureDefinitions;
import org.opengru.core.error.IllegalTransitionException;
import org.opengru.core.id.AgentId;
import org.opengru.core.id.IdGenerator;
import org.opengru.core.id.TeamId;
import org.opengru.core.id.UsagerId;
import org.opengru.core.intake.Channel;
import org.opengru.core.principal.AgentPrincipal;
import org.opengru.core.principal.Principal;
import org.opengru.core.principal.UsagerPrincipal;
import org.opengru.core.request.NewRequest;
import org.opengru.core.request.PaymentDeadlineSweeper;
import org.opengru.core.request.Request;
import org.opengru.core.request.RequestPayment;
import org.opengru.core.request.RequestStatus;
import org.opengru.core.tenancy.Team;
import org.opengru.core.tenancy.TenantId;
import org.opengru.core.timeline.TimelineEntry;
import org.opengru.core.usager.Contact;
import org.opengru.core.usager.Person;
import org.opengru.core.value.EmailAddress;
import org.opengru.core.value.PhoneNumber;
import org.opengru.core.value.PostalAddress;
import org.opengru.payments.Payment;
import org.opengru.payments.PaymentService;
import org.opengru.payments.PaymentStatus;
import org.opengru.payments.StartedPayment;
import org.opengru.payments.internal.InMemoryPaymentStore;
import org.opengru.payments.payfip.FakePayfip;
import org.opengru.payments.payfip.PayfipAccount;
import org.opengru.payments.payfip.PayfipMode;
import org.opengru.payments.payfip.PayfipProvider;
import org.opengru.payments.usager.PaymentTimeline;
import org.opengru.test.MutableClock;

/** A démarche with a fee, paid through PayFiP: à payer, received once read back paid, lapsed if not. */
class RequestPaymentsTest {

    private static final TenantId LYON = TenantId.of("lyon");
    private static final String CAMP = """
            {"code": "centre-loisirs", "version": 1, "title": "Centre de loisirs de Pâques",
             "team": "enfance", "openTo": ["PERSON"], "retention": "P3Y",
             "schema": [{"name": "quotient_familial", "label": "Quotient familial", "type": "NUMBER",
                         "required": true}],
             "payment": {"object": "Centre de loisirs", "delay": "P10D",
                         "tariff": {"field": "quotient_familial", "bands": [
                             {"upTo": 700, "amountCents": 800}, {"amountCents": 2000}]}}}
            """;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-05T13:00:00Z"));
    private final FakePayfip payfip = new FakePayfip();
    private final InMemoryPaymentStore paymentStore = new InMemoryPaymentStore();
    private final GruCore core = GruCore.builder().clock(clock).build();
    private final PaymentService payments;
    private final RequestPayments bridge;
    private final PaymentDeadlineSweeper sweeper;
    private final UsagerId claire;
    private final UsagerPrincipal claireActs;
    private final AgentPrincipal agent = Principal.agent(LYON, AgentId.of("mdupont"), Set.of(TeamId.of("enfance")));

    RequestPaymentsTest() throws IOException {
        PayfipAccount account = new PayfipAccount(
                "123456",
                PayfipMode.TEST,
                URI.create("https://gru.example.fr/payfip/notification"),
                URI.create("https://gru.example.fr/payfip/retour"));
        payments = new PaymentService(
                new PayfipProvider(payfip.config(), t -> Optional.of(account).filter(a -> t.equals(LYON))),
                paymentStore,
                AuditTrail.inMemory(),
                clock,
                IdGenerator.create(clock));
        core.teams()
                .save(new Team(
                        LYON,
                        TeamId.of("enfance"),
                        "Service enfance",
                        PostalAddress.france(List.of("1 place de la Mairie"), "69001", "Lyon"),
                        EmailAddress.parse("enfance@mairie.example.fr"),
                        PhoneNumber.parse("04 78 00 00 00")));
        core.procedures().define(LYON, new ProcedureDefinitions().fromJson(CAMP));
        claire = core.ids().newUsagerId();
        core.usagers()
                .save(Person.declared(claire, LYON, "Martin", List.of("Claire"), Contact.none(), clock.instant()));
        claireActs = Principal.usager(LYON, claire);
        bridge = new RequestPayments(core.requests(), core.requestStore(), payments, paymentStore, clock);
        sweeper = new PaymentDeadlineSweeper(
                core.requests(), core.requestStore(), core.procedures(), clock, bridge.check());
    }

    @AfterEach
    void stop() {
        payfip.close();
    }

    private Request awaiting(int quotient) {
        Request draft = core.requests()
                .create(
                        claireActs,
                        NewRequest.of(
                                "centre-loisirs", claire, Channel.WEB, FormData.of("quotient_familial", quotient)),
                        null);
        return core.requests().submit(claireActs, draft.id(), null);
    }

    @Test
    void theRequestIsReceivedOnceThePaymentIsReadBackPaidAndTheReceiptReachesTheResidentsSpace() {
        Request r = awaiting(650);
        StartedPayment started = bridge.start(claireActs, r.id(), "claire@example.fr");
        String idOp = started.payment().operationId().value();
        assertThat(payfip.operation(idOp).created)
                .containsEntry("montant", "800")
                .containsEntry("objet", "Centre de loisirs")
                .containsEntry("refdet", r.reference().value().replaceAll("[^A-Za-z0-9]", ""));

        assertThat(bridge.record(payments.returned(LYON, idOp)))
                .as("a forged return: PayFiP has no result, nothing recorded")
                .isEqualTo(RequestPayments.Outcome.NOT_PAID);
        assertThat(core.requests().get(claireActs, r.id()).status()).isEqualTo(RequestStatus.AWAITING_PAYMENT);

        payfip.pay(idOp);
        assertThat(bridge.record(payments.notified(LYON, idOp))).isEqualTo(RequestPayments.Outcome.RECORDED);
        assertThat(bridge.record(payments.returned(LYON, idOp)))
                .as("the return after the notification")
                .isEqualTo(RequestPayments.Outcome.ALREADY_RECORDED);

        Request received = core.requests().get(agent, r.id());
        assertThat(received.status()).isEqualTo(RequestStatus.SUBMITTED);
        assertThat(received.acknowledgment()).isNotNull();
        assertThat(received.payment().status()).isEqualTo(RequestPayment.Status.PAID);
        assertThat(received.payment().receipt()).isEqualTo("payfip:" + idOp + ":A1B2C3");
        assertThat(bridge.paymentsOf(agent, r.id())).extracting(Payment::status).containsExactly(PaymentStatus.PAID);
        assertThat(new PaymentTimeline(paymentStore).newest(LYON, claire, null, 10))
                .extracting(TimelineEntry::summary)
                .anySatisfy(s -> assertThat(s)
                        .startsWith("Avis de paiement : 8,00 € payés")
                        .contains("A1B2C3"));
        assertThatThrownBy(() -> bridge.start(claireActs, r.id(), "claire@example.fr"))
                .isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void aPaymentStillBeingMadeHoldsTheLapseOffAndOnePaidAfterTheLapseIsToBeRefunded() {
        Request held = awaiting(650);
        Request unpaid = awaiting(900);
        String idOp = bridge.start(claireActs, held.id(), "claire@example.fr")
                .payment()
                .operationId()
                .value();
        clock.advance(Duration.ofDays(10));
        assertThatThrownBy(() -> bridge.start(claireActs, unpaid.id(), "claire@example.fr"))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("deadline");

        assertThat(sweeper.sweep(LYON)).isEqualTo(1);

        assertThat(core.requests().get(claireActs, unpaid.id()).status()).isEqualTo(RequestStatus.WITHDRAWN);
        assertThat(core.requests().get(claireActs, held.id()).status())
                .as("its payment is pending at PayFiP")
                .isEqualTo(RequestStatus.AWAITING_PAYMENT);

        // The notification is lost; the job gives the payment up; then PayFiP says, late, it was paid.
        clock.advance(Duration.ofHours(3));
        payments.reconcile(LYON, Duration.ofMinutes(30), Duration.ofHours(2));
        assertThat(sweeper.sweep(LYON)).isEqualTo(1);
        assertThat(core.requests().get(claireActs, held.id()).status()).isEqualTo(RequestStatus.WITHDRAWN);
        payfip.pay(idOp);

        assertThat(bridge.record(payments.notified(LYON, idOp))).isEqualTo(RequestPayments.Outcome.REFUND_DUE);

        Payment late = paymentStore
                .find(LYON, new org.opengru.payments.OperationId(idOp))
                .orElseThrow();
        assertThat(late.status()).as("never lost: to refund").isEqualTo(PaymentStatus.REFUND_DUE);
        assertThat(late.note()).contains("remboursement à effectuer par le comptable public");
        assertThat(core.requests().get(claireActs, held.id()).status()).isEqualTo(RequestStatus.WITHDRAWN);
    }

    @Test
    void aPaidPaymentWhoseLinkWasMissedIsRecordedByTheSweep() {
        Request r = awaiting(650);
        String idOp = bridge.start(claireActs, r.id(), "claire@example.fr")
                .payment()
                .operationId()
                .value();
        payfip.pay(idOp);
        payments.notified(LYON, idOp); // settled, but the node stopped before recording it on the request

        assertThat(sweeper.sweep(LYON)).isZero();

        assertThat(core.requests().get(claireActs, r.id()).status()).isEqualTo(RequestStatus.SUBMITTED);
    }
}
