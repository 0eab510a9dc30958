package org.opengru.spring.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opengru.core.error.IllegalTransitionException;
import org.opengru.core.principal.UsagerPrincipal;
import org.opengru.core.usager.UsagerStore;
import org.opengru.payments.OperationId;
import org.opengru.payments.PaymentService;
import org.opengru.payments.PaymentStatus;
import org.opengru.payments.PaymentStore;
import org.opengru.scheduling.availability.Slot;
import org.opengru.scheduling.booking.Booking;
import org.opengru.scheduling.booking.BookingPaymentStatus;
import org.opengru.scheduling.booking.BookingPaymentStore;
import org.opengru.scheduling.booking.BookingPayments;
import org.opengru.scheduling.booking.BookingRequest;
import org.opengru.scheduling.booking.BookingResult;
import org.opengru.scheduling.booking.BookingService;
import org.opengru.scheduling.booking.BookingStatus;
import org.opengru.scheduling.hold.PaymentOutcome;
import org.opengru.scheduling.model.ServiceId;
import org.opengru.scheduling.model.SiteId;
import org.opengru.scheduling.postgres.PostgresBookingPaymentStore;
import org.opengru.spring.TestTenant;
import org.opengru.spring.core.GruCoreAutoConfiguration;
import org.opengru.spring.jobs.GruJobContribution;
import org.opengru.spring.scheduling.GruReservationsAutoConfiguration;
import org.opengru.spring.scheduling.GruSchedulingAutoConfiguration;
import org.opengru.spring.storage.GruStorageAutoConfiguration;
import org.opengru.test.MutableClock;
import org.opengru.test.postgres.EmbeddedPostgresExtension;
import org.opengru.test.postgres.PostgresDatabase;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;

/**
 * Issue 23: appointments paid through PayFiP, wired by the starter. A service with {@code price-cents} is held
 * for its payment, confirmed only from PayFiP's read-back (notification, return, or the {@code
 * reconcile-payments} job when neither came), released by {@code release-appointment-payments} when the hold
 * ends unpaid, and a payment for a slot since taken is due for refund on both sides.
 */
@ExtendWith(EmbeddedPostgresExtension.class)
class AppointmentPaymentsTest {

    static final String PAYFIP_AND_PRICE[] = {
        "gru.tenants.saint-martin.payfip.client-number=123456",
        "gru.tenants.saint-martin.payfip.notification-url=https://saint-martin.fr/gru/payfip/saint-martin/notification",
        "gru.tenants.saint-martin.payfip.return-url=https://saint-martin.fr/gru/payfip/saint-martin/retour",
        "gru.tenants.saint-martin.scheduling.sites.mairie.services.etat-civil.name=Copie d'acte d'état civil",
        "gru.tenants.saint-martin.scheduling.sites.mairie.services.etat-civil.duration=15m",
        "gru.tenants.saint-martin.scheduling.sites.mairie.services.etat-civil.price-cents=2500",
        "gru.scheduling.hold-duration=10m",
    };

    private static final SiteId MAIRIE = SiteId.of("mairie");
    private static final ServiceId ETAT_CIVIL = ServiceId.of("etat-civil");

    /** The one clock, moved by the test (the hold ends). */
    private final MutableClock clock = new MutableClock(TestTenant.NOW);

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    GruStorageAutoConfiguration.class,
                    GruCoreAutoConfiguration.class,
                    GruPaymentsAutoConfiguration.class,
                    GruSchedulingAutoConfiguration.class,
                    GruReservationsAutoConfiguration.class))
            .withBean(Clock.class, () -> clock)
            .withPropertyValues(TestTenant.PROPERTIES)
            .withPropertyValues(PAYFIP_AND_PRICE);

    @Test
    void aPaidAppointmentIsConfirmedByTheReadBackOnceWhateverComesFirst() {
        runner.withUserConfiguration(HeldPaymentsTest.OnTheSandbox.class).run(context -> {
            assertThat(context).hasSingleBean(BookingPayments.class);
            assertThat(jobs(context)).contains("release-appointment-payments", "reconcile-payments");
            UsagerPrincipal lea = TestTenant.resident(context.getBean(UsagerStore.class));
            Booking hold = hold(context, lea, 0);
            HeldPayments held = context.getBean(HeldPayments.class);
            PaymentService payments = context.getBean(PaymentService.class);
            var started = held.payAppointment(lea, hold.id(), "Rendez-vous", "lea@example.fr");
            assertThat(started.payment().order().amountCents()).isEqualTo(2_500);
            assertThat(started.payment().order().debtReference()).matches("RDV[0-9A-F]{27}");
            String op = started.payment().operationId().value();

            // The browser's return before PayFiP has a result (a forged or early return): nothing confirmed.
            assertThat(held.record(payments.returned(TestTenant.TENANT, op))).isEmpty();
            assertThat(bookingStatus(context, hold)).isEqualTo(BookingStatus.HELD);
            // Paid; the return first, then the notification: confirmed once.
            HeldPaymentsTest.OnTheSandbox.SANDBOX.results.put(op, PaymentStatus.PAID);
            assertThat(held.record(payments.returned(TestTenant.TENANT, op))).contains(PaymentOutcome.ACCEPTED);
            assertThat(held.record(payments.notified(TestTenant.TENANT, op))).contains(PaymentOutcome.ALREADY_RECORDED);
            assertThat(bookingStatus(context, hold)).isEqualTo(BookingStatus.BOOKED);
            assertThat(context.getBean(BookingPayments.class)
                            .find(TestTenant.TENANT, hold.id())
                            .status())
                    .isEqualTo(BookingPaymentStatus.PAID);
            assertThat(held.paymentsOf(TestTenant.TENANT, hold.id())).hasSize(1);
            // Nothing more to pay.
            assertThatThrownBy(() -> held.payAppointment(lea, hold.id(), "Rendez-vous", "lea@example.fr"))
                    .isInstanceOf(IllegalTransitionException.class);
        });
    }

    @Test
    void aPaymentNeverNotifiedNorReturnedIsRecordedByTheReconcileJob() {
        runner.withUserConfiguration(HeldPaymentsTest.OnTheSandbox.class).run(context -> {
            UsagerPrincipal lea = TestTenant.resident(context.getBean(UsagerStore.class));
            Booking hold = hold(context, lea, 1);
            String op = startPayment(context, lea, hold);
            HeldPaymentsTest.OnTheSandbox.SANDBOX.results.put(op, PaymentStatus.PAID);
            clock.set(TestTenant.NOW.plus(Duration.ofMinutes(31))); // past reconcile-after; the hold ended too
            run(context, "release-appointment-payments"); // the hold is released first: the job must still book it
            run(context, "reconcile-payments");
            var p = context.getBean(BookingPayments.class).find(TestTenant.TENANT, hold.id());
            assertThat(p.status()).isEqualTo(BookingPaymentStatus.PAID);
            assertThat(bookingStatus(context, p.booking())).isEqualTo(BookingStatus.BOOKED);
        });
    }

    @Test
    void anAbandonedPaymentReleasesTheSlotWhenTheHoldEndsAndALatePaymentForTheSlotTakenIsToBeRefunded() {
        runner.withUserConfiguration(HeldPaymentsTest.OnTheSandbox.class).run(context -> {
            UsagerPrincipal lea = TestTenant.resident(context.getBean(UsagerStore.class));
            Booking hold = hold(context, lea, 2);
            String op = startPayment(context, lea, hold);
            // The resident leaves PayFiP's page: the hold ends, the jobs free the slot and release the payment.
            clock.set(TestTenant.NOW.plus(Duration.ofMinutes(11)));
            run(context, "expire-holds");
            run(context, "release-appointment-payments");
            BookingPayments payments = context.getBean(BookingPayments.class);
            assertThat(payments.find(TestTenant.TENANT, hold.id()).status()).isEqualTo(BookingPaymentStatus.RELEASED);
            assertThat(free(context)).contains(hold.start());

            // Someone else takes the slot; then PayFiP says the first resident paid after all.
            UsagerPrincipal paul = TestTenant.resident(context.getBean(UsagerStore.class));
            Booking other = (((BookingResult.Booked) payments.holdForPayment(
                            BookingRequest.online(TestTenant.TENANT, MAIRIE, ETAT_CIVIL, hold.start(), paul.usager()))))
                    .booking();
            assertThat(other.start()).isEqualTo(hold.start());
            HeldPaymentsTest.OnTheSandbox.SANDBOX.results.put(op, PaymentStatus.PAID);
            HeldPayments held = context.getBean(HeldPayments.class);
            assertThat(held.record(context.getBean(PaymentService.class).notified(TestTenant.TENANT, op)))
                    .contains(PaymentOutcome.REFUND_DUE);
            assertThat(payments.find(TestTenant.TENANT, hold.id()).status()).isEqualTo(BookingPaymentStatus.REFUND_DUE);
            assertThat(context.getBean(PaymentStore.class)
                            .find(TestTenant.TENANT, new OperationId(op))
                            .orElseThrow()
                            .status())
                    .isEqualTo(PaymentStatus.REFUND_DUE);
            assertThat(bookingStatus(context, other)).isEqualTo(BookingStatus.HELD); // never two on one desk
        });
    }

    @Test
    void onPostgresThePaymentsOfAppointmentsAreSharedByTheNodes(PostgresDatabase db) {
        runner.withBean(DataSource.class, db::dataSource)
                .withPropertyValues("gru.storage=jdbc")
                .run(context -> assertThat(context.getBean(BookingPaymentStore.class))
                        .isInstanceOf(PostgresBookingPaymentStore.class));
    }

    @Test
    void aPaidServiceWithoutPayfipStopsTheStartNamingTheKey() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(
                        GruStorageAutoConfiguration.class,
                        GruCoreAutoConfiguration.class,
                        GruSchedulingAutoConfiguration.class))
                .withBean(Clock.class, () -> clock)
                .withPropertyValues(TestTenant.PROPERTIES)
                .withPropertyValues(
                        "gru.tenants.saint-martin.scheduling.sites.mairie.services.passeport.price-cents=2500")
                .run(context -> assertThat(context)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining(
                                "gru.tenants.saint-martin.scheduling.sites.mairie.services.passeport.price-cents=2500")
                        .hasMessageContaining("payfip"));
    }

    @Test
    void aPriceOutsidePayfipsLimitsStopsTheStartNamingTheKey() {
        runner.withPropertyValues("gru.tenants.saint-martin.scheduling.sites.mairie.services.etat-civil.price-cents=50")
                .run(context -> assertThat(context)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("services.etat-civil.price-cents=50")
                        .hasMessageContaining("payfip.min-amount-cents (100)"));
        runner.withPropertyValues("gru.tenants.saint-martin.scheduling.sites.mairie.services.etat-civil.price-cents=-1")
                .run(context -> assertThat(context).hasFailed());
    }

    /** The PayFiP payment of the hold, started: its operation id. */
    private static String startPayment(ApplicationContext context, UsagerPrincipal who, Booking hold) {
        return context.getBean(HeldPayments.class)
                .payAppointment(who, hold.id(), "Rendez-vous", "lea@example.fr")
                .payment()
                .operationId()
                .value();
    }

    /** The n-th free slot of Monday, held for its payment. */
    private static Booking hold(ApplicationContext context, UsagerPrincipal who, int n) {
        Instant start = free(context).get(n);
        BookingResult result = context.getBean(BookingPayments.class)
                .holdForPayment(BookingRequest.online(TestTenant.TENANT, MAIRIE, ETAT_CIVIL, start, who.usager()));
        return ((BookingResult.Booked) result).booking();
    }

    private static java.util.List<Instant> free(ApplicationContext context) {
        LocalDate monday = LocalDate.of(2026, 3, 2);
        return context
                .getBean(BookingService.class)
                .availability(TestTenant.TENANT, MAIRIE, ETAT_CIVIL, monday, monday, 1)
                .stream()
                .map(Slot::start)
                .toList();
    }

    private static BookingStatus bookingStatus(ApplicationContext context, Booking b) {
        return bookingStatus(context, b.id());
    }

    private static BookingStatus bookingStatus(
            ApplicationContext context,
            org.opengru.scheduling.booking.@org.jspecify.annotations.Nullable BookingId id) {
        return context.getBean(BookingService.class)
                .find(TestTenant.TENANT, java.util.Objects.requireNonNull(id))
                .status();
    }

    private static java.util.List<String> jobs(ApplicationContext context) {
        return context.getBeansOfType(GruJobContribution.class).values().stream()
                .flatMap(c -> c.jobs().stream())
                .map(org.opengru.core.job.Job::name)
                .toList();
    }

    private static void run(ApplicationContext context, String job) {
        context.getBeansOfType(GruJobContribution.class).values().stream()
                .flatMap(c -> c.jobs().stream())
                .filter(j -> j.name().equals(job))
                .findFirst()
                .orElseThrow()
                .body()
                .run();
    }
}
