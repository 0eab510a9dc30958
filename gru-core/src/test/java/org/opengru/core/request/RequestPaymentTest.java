package org.opengru.core.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opengru.core.catalogue.FormData;
import org.opengru.core.catalogue.Procedure;
import org.opengru.core.catalogue.ProcedureCode;
import org.opengru.core.catalogue.ProcedureDefinitions;
import org.opengru.core.catalogue.ProcedureRef;
import org.opengru.core.catalogue.ProcedureStore;
import org.opengru.core.error.IllegalTransitionException;
import org.opengru.core.error.ValidationException;
import org.opengru.core.intake.Channel;
import org.opengru.core.principal.Principal;
import org.opengru.core.tenancy.TenantId;
import org.opengru.core.testing.CoreFixture;

/** A démarche that asks a payment: à payer with a deadline, received once paid, withdrawn when it lapses. */
class RequestPaymentTest {

    // tag::definition[]
    static final String HOLIDAY_CAMP = """
            {"code": "centre-loisirs", "version": 1, "title": "Centre de loisirs de Pâques",
             "team": "etat-civil", "openTo": ["PERSON"], "retention": "P3Y",
             "schema": [{"name": "quotient_familial", "label": "Quotient familial", "type": "NUMBER",
                         "required": true}],
             "payment": {"object": "Centre de loisirs - Pâques", "delay": "P10D",
                         "tariff": {"field": "quotient_familial", "bands": [
                             {"upTo": 700, "amountCents": 800},
                             {"upTo": 1200, "amountCents": 1400},
                             {"amountCents": 2000}]}}}
            """;
    // end::definition[]

    private final CoreFixture f = new CoreFixture();
    private final RequestService requests = f.core.requests();
    private final Principal system = Principal.system(f.tenant, "payments");

    RequestPaymentTest() {
        f.core.procedures().define(f.tenant, new ProcedureDefinitions().fromJson(HOLIDAY_CAMP));
    }

    private Request submitted(int quotient) {
        Request draft = requests.create(
                f.parentP,
                NewRequest.of("centre-loisirs", f.parent, Channel.WEB, FormData.of("quotient_familial", quotient)),
                null);
        return requests.submit(f.parentP, draft.id(), null);
    }

    @Test
    void theAmountComesFromTheTariffBandOfTheFormAndTheRequestWaitsUnreceived() {
        Request low = submitted(650);
        Request edge = submitted(1200);
        Request high = submitted(1500);

        assertThat(low.status()).isEqualTo(RequestStatus.AWAITING_PAYMENT);
        assertThat(low.payment().amountCents()).isEqualTo(800);
        assertThat(edge.payment().amountCents()).isEqualTo(1400);
        assertThat(high.payment().amountCents()).isEqualTo(2000);
        assertThat(low.payment().status()).isEqualTo(RequestPayment.Status.DUE);
        assertThat(low.payment().object()).isEqualTo("Centre de loisirs - Pâques");
        assertThat(low.payment().dueBy()).isEqualTo(CoreFixture.START.plus(Duration.ofDays(10)));
        assertThat(low.receivedAt()).as("received once paid").isNull();
        assertThat(low.acknowledgment()).isNull();
        assertThat(requests.permittedActions(f.parentP, low.id())).containsExactly(RequestAction.WITHDRAW);
        assertThat(requests.permittedActions(f.agent, low.id())).containsExactly(RequestAction.RECORD_PAYMENT);
    }

    @Test
    void theRecordedPaymentOfTheAmountDueReceivesTheRequest() {
        Request r = submitted(900);
        assertThatThrownBy(() -> requests.perform(
                        f.parentP,
                        r.id(),
                        RequestAction.RECORD_PAYMENT,
                        ActionInput.payment(new RequestPayment.Receipt("forged", 1400), Channel.WEB),
                        null))
                .as("the resident cannot declare it paid")
                .isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> requests.perform(
                        system,
                        r.id(),
                        RequestAction.RECORD_PAYMENT,
                        ActionInput.payment(new RequestPayment.Receipt("payfip:op1:A1B2C3", 800), Channel.SYSTEM),
                        null))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("payment.amountCents");
        assertThat(requests.get(f.parentP, r.id()).status()).isEqualTo(RequestStatus.AWAITING_PAYMENT);

        Request paid = requests.perform(
                system,
                r.id(),
                RequestAction.RECORD_PAYMENT,
                ActionInput.payment(new RequestPayment.Receipt("payfip:op1:A1B2C3", 1400), Channel.SYSTEM),
                null);

        assertThat(paid.status()).isEqualTo(RequestStatus.SUBMITTED);
        assertThat(paid.receivedAt()).isEqualTo(f.clock.instant());
        assertThat(paid.acknowledgment()).isNotNull();
        assertThat(paid.payment().status()).isEqualTo(RequestPayment.Status.PAID);
        assertThat(paid.payment().receipt()).isEqualTo("payfip:op1:A1B2C3");
        assertThat(requests.get(f.agent, r.id()).payment())
                .as("the agent sees it")
                .isEqualTo(paid.payment());
        assertThatThrownBy(() -> requests.perform(
                        system,
                        r.id(),
                        RequestAction.RECORD_PAYMENT,
                        ActionInput.payment(new RequestPayment.Receipt("payfip:op1:A1B2C3", 1400), Channel.SYSTEM),
                        null))
                .as("paid once")
                .isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void anUnpaidRequestLapsesOnceItsDeadlinePassedNeverBefore() {
        Request r = submitted(300);
        PaymentDeadlineSweeper sweeper =
                new PaymentDeadlineSweeper(requests, f.core.requestStore(), f.core.procedures(), f.clock);
        f.clock.advance(Duration.ofDays(10).minusSeconds(1));
        assertThat(sweeper.sweep(f.tenant)).isZero();
        assertThatThrownBy(() -> requests.perform(
                        system,
                        r.id(),
                        RequestAction.LAPSE_PAYMENT,
                        ActionInput.none().via(Channel.SYSTEM),
                        null))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("deadline");
        f.clock.advance(Duration.ofSeconds(1));

        assertThat(sweeper.sweep(f.tenant)).isEqualTo(1);

        Request lapsed = requests.get(f.parentP, r.id());
        assertThat(lapsed.status()).isEqualTo(RequestStatus.WITHDRAWN);
        assertThat(lapsed.payment().status()).isEqualTo(RequestPayment.Status.LAPSED);
        assertThat(requests.history(f.parentP, r.id()))
                .extracting(HistoryEntry::action)
                .endsWith(RequestAction.LAPSE_PAYMENT);
        assertThat(sweeper.sweep(f.tenant)).as("idempotent").isZero();
        assertThatThrownBy(() -> requests.perform(
                        system,
                        r.id(),
                        RequestAction.RECORD_PAYMENT,
                        ActionInput.payment(new RequestPayment.Receipt("late", 800), Channel.SYSTEM),
                        null))
                .as("a late payment is the payment module's to refund")
                .isInstanceOf(IllegalTransitionException.class);
    }

    /**
     * Issue 23: the lapse is the job of every collectivité with payment rules, not only those with a PayFiP
     * account (payments recorded at the counter have deadlines too); one collectivité's failure does not
     * stop the others.
     */
    @Test
    void theSweepCoversEveryCollectiviteAndOnesFailureDoesNotStopTheOthers() {
        Request r = submitted(300);
        TenantId unreachable = TenantId.of("commune-injoignable");
        TenantId withoutPayments = TenantId.of("commune-sans-paiement");
        ProcedureStore procedures = new ProcedureStore() {
            @Override
            public void define(TenantId tenant, Procedure procedure) {
                f.core.procedures().define(tenant, procedure);
            }

            @Override
            public Optional<Procedure> find(TenantId tenant, ProcedureRef ref) {
                return f.core.procedures().find(tenant, ref);
            }

            @Override
            public Optional<Procedure> latest(TenantId tenant, ProcedureCode code) {
                return f.core.procedures().latest(tenant, code);
            }

            @Override
            public List<Procedure> catalogue(TenantId tenant) {
                if (tenant.equals(unreachable)) {
                    throw new IllegalStateException("the catalogue of " + tenant + " is unreachable");
                }
                return f.core.procedures().catalogue(tenant);
            }
        };
        PaymentDeadlineSweeper sweeper =
                new PaymentDeadlineSweeper(requests, f.core.requestStore(), procedures, f.clock);
        f.clock.advance(Duration.ofDays(10));

        assertThat(sweeper.sweepAll(List.of(unreachable, withoutPayments, f.tenant)))
                .isEqualTo(1);
        assertThat(requests.get(f.parentP, r.id()).status()).isEqualTo(RequestStatus.WITHDRAWN);
    }

    @Test
    void aDemarcheWithoutPaymentIsReceivedAtOnceAndABadRuleIsRefused() {
        Request canteen = requests.create(
                f.parentP,
                NewRequest.of("inscription-cantine", f.child, Channel.WEB, CoreFixture.canteenData())
                        .withPieces(CoreFixture.canteenPieces()),
                null);
        assertThat(requests.submit(f.parentP, canteen.id(), null).status()).isEqualTo(RequestStatus.SUBMITTED);

        assertThatThrownBy(() -> new ProcedureDefinitions()
                        .fromJson(HOLIDAY_CAMP.replace("\"field\": \"quotient_familial\"", "\"field\": \"age\"")))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("procedure.payment.tariff.field");
        assertThatThrownBy(() -> new ProcedureDefinitions()
                        .fromJson(HOLIDAY_CAMP.replace(
                                "{\"amountCents\": 2000}", "{\"upTo\": 1500, \"amountCents\": 2000}")))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("upTo");
        Procedure read = new ProcedureDefinitions().fromJson(HOLIDAY_CAMP);
        assertThat(new ProcedureDefinitions().fromJson(new ProcedureDefinitions().toJson(read)))
                .isEqualTo(read);
        assertThat(Set.of(RequestLifecycle.standard().toMermaid().split("\n")))
                .contains("    DRAFT --> AWAITING_PAYMENT : SUBMIT (applicant, keying agent)");
    }
}
