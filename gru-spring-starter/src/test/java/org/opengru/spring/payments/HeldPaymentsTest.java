package org.opengru.spring.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.opengru.core.audit.AuditTrail;
import org.opengru.core.error.IllegalTransitionException;
import org.opengru.core.id.AgentId;
import org.opengru.core.id.TeamId;
import org.opengru.core.principal.Principal;
import org.opengru.core.usager.UsagerStore;
import org.opengru.payments.PaymentService;
import org.opengru.payments.PaymentStatus;
import org.opengru.payments.PaymentStore;
import org.opengru.scheduling.hold.PaymentOutcome;
import org.opengru.scheduling.registration.RegistrationService;
import org.opengru.scheduling.registration.RegistrationStatus;
import org.opengru.scheduling.registration.SessionId;
import org.opengru.scheduling.reservation.ReservationService;
import org.opengru.scheduling.reservation.ReservationStatus;
import org.opengru.scheduling.reservation.UsagerCategory;
import org.opengru.spring.TestTenant;
import org.opengru.spring.core.GruCoreAutoConfiguration;
import org.opengru.spring.scheduling.GruReservationsAutoConfiguration;
import org.opengru.spring.scheduling.GruReservationsAutoConfigurationTest;
import org.opengru.spring.storage.GruStorageAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Reservations and places paid through PayFiP, recorded from the read-back only, never lost. */
class HeldPaymentsTest {

    /** The one clock, moved by the test (the hold ends). */
    private final AtomicReference<Instant> now = new AtomicReference<>(TestTenant.NOW);

    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    GruStorageAutoConfiguration.class,
                    GruCoreAutoConfiguration.class,
                    GruPaymentsAutoConfiguration.class,
                    GruReservationsAutoConfiguration.class))
            .withBean(Clock.class, () -> clock)
            .withPropertyValues(TestTenant.PROPERTIES)
            .withPropertyValues(GruReservationsAutoConfigurationTest.RESERVATIONS)
            .withPropertyValues(
                    "gru.tenants.saint-martin.payfip.client-number=123456",
                    "gru.tenants.saint-martin.payfip.notification-url=https://saint-martin.fr/gru/payfip/saint-martin/notification",
                    "gru.tenants.saint-martin.payfip.return-url=https://saint-martin.fr/gru/payfip/saint-martin/retour");

    @Test
    void anApprovedReservationIsConfirmedByTheReadBackOnceAndALatePaymentForATakenPeriodIsToBeRefunded() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(HeldPayments.class);
            GruPaymentsAutoConfigurationTest.Sandbox sandbox = new GruPaymentsAutoConfigurationTest.Sandbox();
            PaymentStore store = context.getBean(PaymentStore.class);
            PaymentService payments =
                    new PaymentService(sandbox, store, context.getBean(AuditTrail.class), clock, ids(context));
            ReservationService reservations = context.getBean(ReservationService.class);
            HeldPayments held =
                    new HeldPayments(payments, store, reservations, context.getBean(RegistrationService.class), clock);
            var agent = Principal.agent(TestTenant.TENANT, AgentId.of("agent"), Set.of(TeamId.of("vie-associative")));

            var resident = TestTenant.resident(context.getBean(UsagerStore.class));
            var r = reservations.request(
                    resident,
                    GruReservationsAutoConfigurationTest.saturday(resident.usager(), UsagerCategory.RESIDENT));
            // Nothing to pay before the agent approves.
            assertThatThrownBy(() -> held.payReservation(resident, r.id(), "lea@example.fr"))
                    .isInstanceOf(IllegalTransitionException.class);
            reservations.approve(agent, r.id());
            var started = held.payReservation(resident, r.id(), "lea@example.fr");
            assertThat(started.payment().order().amountCents()).isEqualTo(15_000);
            assertThat(started.payment().order().debtReference()).matches("RES[0-9A-F]{27}");

            // The browser's return before PayFiP has a result: nothing recorded.
            var op = started.payment().operationId().value();
            assertThat(held.record(payments.returned(TestTenant.TENANT, op))).isEmpty();
            assertThat(reservations.find(TestTenant.TENANT, r.id()).status())
                    .isEqualTo(ReservationStatus.AWAITING_PAYMENT);
            sandbox.results.put(op, PaymentStatus.PAID);
            assertThat(held.record(payments.notified(TestTenant.TENANT, op))).contains(PaymentOutcome.ACCEPTED);
            assertThat(held.record(payments.returned(TestTenant.TENANT, op))).contains(PaymentOutcome.ALREADY_RECORDED);
            assertThat(reservations.find(TestTenant.TENANT, r.id()).status()).isEqualTo(ReservationStatus.CONFIRMED);
            assertThat(held.paymentsOf(TestTenant.TENANT, r.id())).hasSize(1);
        });
    }

    @Test
    void aPaymentAfterTheHoldWhenThePeriodWentToSomeoneElseIsMarkedToBeRefunded() {
        runner.run(context -> {
            GruPaymentsAutoConfigurationTest.Sandbox sandbox = new GruPaymentsAutoConfigurationTest.Sandbox();
            PaymentStore store = context.getBean(PaymentStore.class);
            PaymentService payments =
                    new PaymentService(sandbox, store, context.getBean(AuditTrail.class), clock, ids(context));
            ReservationService reservations = context.getBean(ReservationService.class);
            HeldPayments held =
                    new HeldPayments(payments, store, reservations, context.getBean(RegistrationService.class), clock);
            var agent = Principal.agent(TestTenant.TENANT, AgentId.of("agent"), Set.of(TeamId.of("vie-associative")));
            var first = TestTenant.resident(context.getBean(UsagerStore.class));
            var r = reservations.request(
                    first, GruReservationsAutoConfigurationTest.saturday(first.usager(), UsagerCategory.RESIDENT));
            reservations.approve(agent, r.id());
            var op = held.payReservation(first, r.id(), "lea@example.fr")
                    .payment()
                    .operationId()
                    .value();
            // The resident leaves PayFiP's page open past the hold: the period goes to someone else.
            now.set(TestTenant.NOW.plus(Duration.ofDays(2).plusMinutes(1)));
            reservations.expireHolds(TestTenant.TENANT);
            var second = TestTenant.resident(context.getBean(UsagerStore.class));
            reservations.request(
                    second, GruReservationsAutoConfigurationTest.saturday(second.usager(), UsagerCategory.RESIDENT));
            sandbox.results.put(op, PaymentStatus.PAID);
            assertThat(held.record(payments.notified(TestTenant.TENANT, op))).contains(PaymentOutcome.REFUND_DUE);
            assertThat(store.find(TestTenant.TENANT, new org.opengru.payments.OperationId(op))
                            .orElseThrow()
                            .status())
                    .isEqualTo(PaymentStatus.REFUND_DUE);
        });
    }

    @Test
    void aPlaceIsPaidForTheChildByTheParentAndRecordedOnce() {
        runner.run(context -> {
            GruPaymentsAutoConfigurationTest.Sandbox sandbox = new GruPaymentsAutoConfigurationTest.Sandbox();
            PaymentStore store = context.getBean(PaymentStore.class);
            PaymentService payments =
                    new PaymentService(sandbox, store, context.getBean(AuditTrail.class), clock, ids(context));
            RegistrationService registrations = context.getBean(RegistrationService.class);
            HeldPayments held =
                    new HeldPayments(payments, store, context.getBean(ReservationService.class), registrations, clock);
            var resident = TestTenant.resident(context.getBean(UsagerStore.class));
            var reg = registrations.register(resident, SessionId.of("loisirs-mars-s1"), resident.usager());
            var started = held.payRegistration(resident, reg.id(), "lea@example.fr");
            assertThat(started.payment().order().debtReference()).startsWith("INS");
            var op = started.payment().operationId().value();
            sandbox.results.put(op, PaymentStatus.PAID);
            assertThat(held.record(payments.notified(TestTenant.TENANT, op))).contains(PaymentOutcome.ACCEPTED);
            assertThat(held.record(
                            store.find(TestTenant.TENANT, started.payment().id())
                                    .orElseThrow()))
                    .contains(PaymentOutcome.ALREADY_RECORDED);
            assertThat(registrations.find(TestTenant.TENANT, reg.id()).status())
                    .isEqualTo(RegistrationStatus.CONFIRMED);
        });
    }

    /** The context's PaymentService, on the test's sandbox in place of PayFiP's web service. */
    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    static class OnTheSandbox {
        static final GruPaymentsAutoConfigurationTest.Sandbox SANDBOX = new GruPaymentsAutoConfigurationTest.Sandbox();

        @org.springframework.context.annotation.Bean
        PaymentService sandboxPayments(
                PaymentStore store, AuditTrail audit, Clock clock, org.opengru.core.GruCore core) {
            return new PaymentService(SANDBOX, store, audit, clock, core.ids());
        }
    }

    @Test
    void aPaymentNeverNotifiedNorReturnedIsRecordedOnItsReservationByTheReconcileJob() {
        runner.withUserConfiguration(OnTheSandbox.class).run(context -> {
            ReservationService reservations = context.getBean(ReservationService.class);
            HeldPayments held = context.getBean(HeldPayments.class);
            var agent = Principal.agent(TestTenant.TENANT, AgentId.of("agent"), Set.of(TeamId.of("vie-associative")));
            var resident = TestTenant.resident(context.getBean(UsagerStore.class));
            var r = reservations.request(
                    resident,
                    GruReservationsAutoConfigurationTest.saturday(resident.usager(), UsagerCategory.RESIDENT));
            reservations.approve(agent, r.id());
            var op = held.payReservation(resident, r.id(), "lea@example.fr")
                    .payment()
                    .operationId()
                    .value();
            // Paid at PayFiP; neither the notification nor the browser's return reaches the application.
            OnTheSandbox.SANDBOX.results.put(op, PaymentStatus.PAID);
            now.set(TestTenant.NOW.plus(Duration.ofMinutes(31))); // past reconcile-after (30 minutes)
            context.getBeansOfType(org.opengru.spring.jobs.GruJobContribution.class).values().stream()
                    .flatMap(c -> c.jobs().stream())
                    .filter(j -> j.name().equals("reconcile-payments"))
                    .findFirst()
                    .orElseThrow()
                    .body()
                    .run();
            assertThat(reservations.find(TestTenant.TENANT, r.id()).status()).isEqualTo(ReservationStatus.CONFIRMED);
        });
    }

    private static org.opengru.core.id.IdGenerator ids(org.springframework.context.ApplicationContext context) {
        return context.getBean(org.opengru.core.GruCore.class).ids();
    }
}
