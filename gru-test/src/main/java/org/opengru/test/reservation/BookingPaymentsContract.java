package org.opengru.test.reservation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opengru.test.scheduling.SchedulingFixture.CIVIL;
import static org.opengru.test.scheduling.SchedulingFixture.DESK_AGENT;
import static org.opengru.test.scheduling.SchedulingFixture.MONDAY_9AM;
import static org.opengru.test.scheduling.SchedulingFixture.SITE;
import static org.opengru.test.scheduling.SchedulingFixture.TEAM;
import static org.opengru.test.scheduling.SchedulingFixture.TENANT;
import static org.opengru.test.scheduling.SchedulingFixture.at;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opengru.core.error.IllegalTransitionException;
import org.opengru.core.error.ValidationException;
import org.opengru.core.event.DomainEventPublisher;
import org.opengru.core.id.IdGenerator;
import org.opengru.core.id.UsagerId;
import org.opengru.core.principal.Principal;
import org.opengru.scheduling.booking.Booking;
import org.opengru.scheduling.booking.BookingPayment;
import org.opengru.scheduling.booking.BookingPaymentStatus;
import org.opengru.scheduling.booking.BookingPaymentStore;
import org.opengru.scheduling.booking.BookingPayments;
import org.opengru.scheduling.booking.BookingPolicy;
import org.opengru.scheduling.booking.BookingRequest;
import org.opengru.scheduling.booking.BookingResult;
import org.opengru.scheduling.booking.BookingService;
import org.opengru.scheduling.booking.BookingStatus;
import org.opengru.scheduling.booking.BookingStore;
import org.opengru.scheduling.booking.RateLimiter;
import org.opengru.scheduling.booking.SiteDirectory;
import org.opengru.scheduling.booking.SiteSetup;
import org.opengru.scheduling.booking.WaitingListStore;
import org.opengru.scheduling.hold.PaymentOutcome;
import org.opengru.scheduling.model.Service;
import org.opengru.scheduling.usager.SchedulingSubjectData;
import org.opengru.test.MutableClock;
import org.opengru.test.scheduling.SchedulingFixture;

/**
 * Paying appointments: the slot is held until paid, a payment is idempotent, a late one books the slot
 * again if it is free or is due for refund. Run against each pair of stores with an empty subclass.
 */
public abstract class BookingPaymentsContract {

    protected final MutableClock clock = new MutableClock(MONDAY_9AM);
    protected BookingStore bookingStore;
    protected BookingService bookings;
    protected BookingPayments payments;

    protected abstract BookingStore newBookingStore();

    protected abstract BookingPaymentStore newPaymentStore();

    // tag::paying-service[]
    /** The civil-registry appointment of the fixture, at 25 € (one desk serves it). */
    public static Service payingCivil() {
        return Service.builder(TENANT, CIVIL, "État civil (copie certifiée)")
                .duration(Duration.ofMinutes(15))
                .priceCents(2_500)
                .build();
    }
    // end::paying-service[]

    @BeforeEach
    void setUp() {
        bookingStore = newBookingStore();
        SiteSetup setup = new SiteSetup(
                SchedulingFixture.hours(),
                SchedulingFixture.desks(),
                List.of(SchedulingFixture.passport(), payingCivil(), SchedulingFixture.agentsOnly()),
                Set.of(TEAM));
        bookings = new BookingService(
                bookingStore,
                SiteDirectory.of(List.of(setup)),
                BookingPolicy.defaults(),
                clock,
                IdGenerator.create(clock),
                RateLimiter.unlimited(),
                WaitingListStore.inMemory(),
                DomainEventPublisher.none());
        payments = new BookingPayments(bookings, newPaymentStore());
    }

    private static UsagerId newUsager() {
        return UsagerId.of(UUID.randomUUID());
    }

    private Booking held(UsagerId u, Instant start) {
        return ((BookingResult.Booked) payments.holdForPayment(BookingRequest.online(TENANT, SITE, CIVIL, start, u)))
                .booking();
    }

    @Test
    void aPayingAppointmentIsHeldUntilPaidThenBooked() {
        UsagerId u = newUsager();
        // tag::hold-for-payment[]
        BookingResult result = payments.holdForPayment(BookingRequest.online(TENANT, SITE, CIVIL, at(1, 10, 0), u));
        Booking hold = ((BookingResult.Booked) result).booking(); // HELD for the policy's hold duration
        long due = payments.find(TENANT, hold.id()).amountCents(); // 2,500: what the resident pays
        PaymentOutcome paid = payments.confirmPayment(TENANT, hold.id(), "payfip-op-77");
        // end::hold-for-payment[]
        assertThat(hold.status()).isEqualTo(BookingStatus.HELD);
        assertThat(due).isEqualTo(2_500);
        assertThat(paid).isEqualTo(PaymentOutcome.ACCEPTED);
        assertThat(bookings.find(TENANT, hold.id()).status()).isEqualTo(BookingStatus.BOOKED);
        assertThat(payments.confirmPayment(TENANT, hold.id(), "payfip-op-77"))
                .as("the notification sent twice")
                .isEqualTo(PaymentOutcome.ALREADY_RECORDED);
        BookingPayment p = payments.find(TENANT, hold.id());
        assertThat(p.status()).isEqualTo(BookingPaymentStatus.PAID);
        assertThat(p.booking()).isEqualTo(hold.id());
        assertThat(payments.trail(TENANT, hold.id()))
                .extracting(e -> e.action() + ":" + e.toStatus())
                .containsExactly("hold_for_payment:AWAITING_PAYMENT", "confirm_payment:PAID");
    }

    @Test
    void aPayingAppointmentIsNeitherBookedNorConfirmedOnlineWithoutPaying() {
        UsagerId u = newUsager();
        assertThatThrownBy(() -> bookings.book(BookingRequest.online(TENANT, SITE, CIVIL, at(1, 10, 0), u)))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo("service"));
        Booking hold = held(u, at(1, 10, 0));
        assertThatThrownBy(() -> bookings.confirmHold(Principal.usager(TENANT, u), hold.id()))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("confirmed by its payment");
        assertThatThrownBy(() -> payments.confirmPayment(TENANT, hold.id(), "op 1 !"))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo("paymentReference"));
        assertThat(bookings.find(TENANT, hold.id()).status()).isEqualTo(BookingStatus.HELD);
        assertThatThrownBy(() -> Service.builder(TENANT, CIVIL, "x").priceCents(-1))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("service.priceCents");
                    assertThat(e.value()).isEqualTo("-1");
                });
    }

    @Test
    void aPaymentAfterTheHoldBooksTheSlotAgainWhileItIsFree() {
        UsagerId u = newUsager();
        Booking hold = held(u, at(1, 10, 0));
        clock.advance(Duration.ofMinutes(11));
        assertThat(payments.confirmPayment(TENANT, hold.id(), "op-late")).isEqualTo(PaymentOutcome.ACCEPTED_LATE);
        BookingPayment p = payments.find(TENANT, hold.id());
        assertThat(p.status()).isEqualTo(BookingPaymentStatus.PAID);
        Booking booked = bookings.find(TENANT, p.booking());
        assertThat(booked.status()).isEqualTo(BookingStatus.BOOKED);
        assertThat(booked.start()).isEqualTo(at(1, 10, 0));
        assertThat(booked.usager()).isEqualTo(u);
    }

    @Test
    void aPaymentAfterTheSlotWentToSomeoneElseIsDueForRefundNeverADoubleBooking() {
        Booking first = held(newUsager(), at(1, 10, 0));
        clock.advance(Duration.ofMinutes(11));
        Booking second = held(newUsager(), at(1, 10, 0));
        assertThat(payments.confirmPayment(TENANT, first.id(), "op-too-late")).isEqualTo(PaymentOutcome.REFUND_DUE);
        assertThat(payments.find(TENANT, first.id()).status()).isEqualTo(BookingPaymentStatus.REFUND_DUE);
        assertThat(bookings.find(TENANT, second.id()).status()).isEqualTo(BookingStatus.HELD);
        assertThat(bookingStore.startingBetween(TENANT, at(1, 10, 0), at(1, 10, 1)).stream()
                        .filter(b -> b.occupiesDeskAt(clock.instant())))
                .as("one appointment on the slot")
                .hasSize(1);
        assertThat(payments.recordRefund(DESK_AGENT, first.id(), "mandat-12").status())
                .isEqualTo(BookingPaymentStatus.REFUNDED);
    }

    @Test
    void reconcilingReleasesEndedHoldsAndOwesTheRefundOfACancelledPaidAppointment() {
        Booking unpaid = held(newUsager(), at(1, 10, 0));
        Booking paid = held(newUsager(), at(1, 11, 0));
        payments.confirmPayment(TENANT, paid.id(), "op-paid");
        clock.advance(Duration.ofMinutes(11));
        bookings.cancelByAgent(DESK_AGENT, paid.id(), "guichet fermé ce jour-là");
        assertThat(payments.reconcile(TENANT))
                .extracting(p -> p.hold() + ":" + p.status())
                .containsExactlyInAnyOrder(
                        unpaid.id() + ":" + BookingPaymentStatus.RELEASED,
                        paid.id() + ":" + BookingPaymentStatus.REFUND_DUE);
        assertThat(payments.reconcile(TENANT)).isEmpty();
        assertThat(payments.confirmPayment(TENANT, unpaid.id(), "op-after-release"))
                .as("released, the slot still free")
                .isEqualTo(PaymentOutcome.ACCEPTED_LATE);
    }

    @Test
    void theExportShowsThePaymentsAndErasureDetachesThem() {
        UsagerId u = newUsager();
        Booking hold = held(u, at(1, 10, 0));
        payments.confirmPayment(TENANT, hold.id(), "op-export");
        SchedulingSubjectData data = new SchedulingSubjectData(bookings, payments);
        assertThat(data.collect(TENANT, u).toString()).contains("op-export", "2500", "PAID");
        data.erase(TENANT, u);
        assertThat(payments.store().ofUsager(TENANT, u)).isEmpty();
        assertThat(payments.find(TENANT, hold.id()).status()).isEqualTo(BookingPaymentStatus.PAID);
    }

    /** The provider's notification and the reconciliation job confirm the same payment at once, twice each. */
    @Test
    void aPaymentConfirmedConcurrentlyIsRecordedOnce() throws Exception {
        Booking hold = held(newUsager(), at(1, 10, 0));
        int threads = 4;
        CyclicBarrier start = new CyclicBarrier(threads);
        ConcurrentLinkedQueue<PaymentOutcome> outcomes = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    outcomes.add(payments.confirmPayment(TENANT, hold.id(), "op-once"));
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(outcomes).containsOnly(PaymentOutcome.ACCEPTED, PaymentOutcome.ALREADY_RECORDED);
        assertThat(outcomes.stream().filter(o -> o == PaymentOutcome.ACCEPTED)).hasSize(1);
        assertThat(payments.trail(TENANT, hold.id()).stream()
                        .filter(e -> e.action().equals("confirm_payment")))
                .hasSize(1);
        assertThat(bookings.find(TENANT, hold.id()).status()).isEqualTo(BookingStatus.BOOKED);
    }
}
