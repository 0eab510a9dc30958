package org.opengru.spring.payments;

import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opengru.core.error.IllegalTransitionException;
import org.opengru.core.error.NotFoundException;
import org.opengru.core.error.ValidationException;
import org.opengru.core.principal.Principal;
import org.opengru.core.tenancy.TenantId;
import org.opengru.payments.Payment;
import org.opengru.payments.PaymentOrder;
import org.opengru.payments.PaymentService;
import org.opengru.payments.PaymentStatus;
import org.opengru.payments.PaymentStore;
import org.opengru.payments.ReadBack;
import org.opengru.payments.StartedPayment;
import org.opengru.scheduling.booking.Booking;
import org.opengru.scheduling.booking.BookingId;
import org.opengru.scheduling.booking.BookingPayment;
import org.opengru.scheduling.booking.BookingPaymentStatus;
import org.opengru.scheduling.booking.BookingPayments;
import org.opengru.scheduling.booking.BookingStatus;
import org.opengru.scheduling.hold.PaymentOutcome;
import org.opengru.scheduling.registration.EventSession;
import org.opengru.scheduling.registration.Registration;
import org.opengru.scheduling.registration.RegistrationId;
import org.opengru.scheduling.registration.RegistrationService;
import org.opengru.scheduling.registration.RegistrationStatus;
import org.opengru.scheduling.reservation.Reservation;
import org.opengru.scheduling.reservation.ReservationId;
import org.opengru.scheduling.reservation.ReservationService;
import org.opengru.scheduling.reservation.ReservationStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pays the reservations, the event registrations and the paying appointments that wait for a payment, through
 * PayFiP, and records each payment on what it pays from the provider's read-back only (notification, return,
 * the job), never from the browser. The payment's subject is {@code reservation:<id>}, {@code
 * registration:<id>} or {@code booking:<hold id>}, its payer the usager. Recording is idempotent on the operation id; a payment that comes after the hold ended goes to
 * the reservation (or registration) as a late payment (confirmed while the period or place is free), and a
 * payment it can no longer take is marked {@link PaymentStatus#REFUND_DUE} (remboursement par le comptable
 * public): never lost.
 */
public final class HeldPayments {

    private static final Logger LOG = LoggerFactory.getLogger(HeldPayments.class);
    private static final String RESERVATION = "reservation:";
    private static final String REGISTRATION = "registration:";
    private static final String BOOKING = "booking:";
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.FRANCE);

    private final PaymentService payments;
    private final PaymentStore store;
    private final ReservationService reservations;
    private final RegistrationService registrations;
    private final @Nullable BookingPayments appointments;
    private final Clock clock;

    /**
     * The link between these payments and these reservations and registrations.
     *
     * @param payments the payment service
     * @param store the payments, read by subject
     * @param reservations the reservations
     * @param registrations the event registrations
     * @param clock the one clock: holds, the budget year
     */
    public HeldPayments(
            PaymentService payments,
            PaymentStore store,
            ReservationService reservations,
            RegistrationService registrations,
            Clock clock) {
        this(payments, store, reservations, registrations, null, clock);
    }

    /**
     * The link between these payments and these reservations, registrations and paying appointments.
     *
     * @param payments the payment service
     * @param store the payments, read by subject
     * @param reservations the reservations
     * @param registrations the event registrations
     * @param appointments the payment holds of paying appointments, or {@code null} when none are offered
     * @param clock the one clock: holds, the budget year
     */
    public HeldPayments(
            PaymentService payments,
            PaymentStore store,
            ReservationService reservations,
            RegistrationService registrations,
            @Nullable BookingPayments appointments,
            Clock clock) {
        this.payments = Objects.requireNonNull(payments, "payments");
        this.store = Objects.requireNonNull(store, "store");
        this.reservations = Objects.requireNonNull(reservations, "reservations");
        this.registrations = Objects.requireNonNull(registrations, "registrations");
        this.appointments = appointments;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Starts the payment of an approved reservation awaiting it; the browser goes to {@code paymentPage()}.
     *
     * @param by the usager or whoever acts for them
     * @param id the reservation
     * @param payerEmail where PayFiP sends its ticket
     * @return the payment started
     * @throws IllegalTransitionException when the reservation does not await a payment, or its hold ended
     * @throws ValidationException when the e-mail is not an address or the amount outside the provider's limits
     * @throws NotFoundException when the reservation is unknown
     * @throws org.opengru.core.error.AccessDeniedException when {@code by} may not act for the usager
     * @throws org.opengru.payments.ProviderException when PayFiP cannot be reached: nothing is owed
     */
    public StartedPayment payReservation(Principal by, ReservationId id, String payerEmail) {
        Reservation r = reservations.find(by, id);
        if (r.status() != ReservationStatus.AWAITING_PAYMENT
                || r.holdExpiresAt() == null
                || !clock.instant().isBefore(r.holdExpiresAt())) {
            throw new IllegalTransitionException(
                    "reservation", id.toString(), r.status().name(), "PAY", by.toString(), "no payment is awaited");
        }
        String name = reservations.reservable(r.tenant(), r.reservable()).name();
        String object =
                shorten("Réservation " + name + " du " + DAY.format(r.start().atZone(PARIS)));
        PaymentOrder order = new PaymentOrder(
                        r.tenant(),
                        "RES" + hex(id.value()),
                        year(),
                        r.priceCents(),
                        object,
                        payerEmail,
                        RESERVATION + id)
                .by(r.usager());
        return payments.start(order, by.ref());
    }

    /**
     * Starts the payment of a place awaiting it; the browser goes to {@code paymentPage()}.
     *
     * @param by the participant or whoever acts for them (a parent)
     * @param id the registration
     * @param payerEmail where PayFiP sends its ticket
     * @return the payment started
     * @throws IllegalTransitionException when the registration does not await a payment, or its hold ended
     * @throws ValidationException when the e-mail is not an address or the amount outside the provider's limits
     * @throws NotFoundException when the registration is unknown
     * @throws org.opengru.core.error.AccessDeniedException when {@code by} may not act for the participant
     * @throws org.opengru.payments.ProviderException when PayFiP cannot be reached: nothing is owed
     */
    public StartedPayment payRegistration(Principal by, RegistrationId id, String payerEmail) {
        Registration r = registrations.find(by, id);
        if (r.status() != RegistrationStatus.AWAITING_PAYMENT
                || r.holdExpiresAt() == null
                || !clock.instant().isBefore(r.holdExpiresAt())) {
            throw new IllegalTransitionException(
                    "registration", id.toString(), r.status().name(), "PAY", by.toString(), "no payment is awaited");
        }
        EventSession session = registrations.session(r.tenant(), r.session());
        PaymentOrder order = new PaymentOrder(
                        r.tenant(),
                        "INS" + hex(id.value()),
                        year(),
                        r.priceCents(),
                        shorten("Inscription " + session.title()),
                        payerEmail,
                        REGISTRATION + id)
                .by(r.registeredBy() != null ? r.registeredBy() : r.participant());
        return payments.start(order, by.ref());
    }

    /**
     * Starts the payment of a paying appointment whose slot is held for it ({@link
     * BookingPayments#holdForPayment}); the browser goes to {@code paymentPage()}. The refdet is {@code RDV}
     * and the hold's id.
     *
     * @param by the usager the appointment is for
     * @param hold the booking held for the payment
     * @param object what PayFiP's page shows the payer, for example « Rendez-vous État civil du 03/03/2026 »
     * @param payerEmail where PayFiP sends its ticket
     * @return the payment started
     * @throws IllegalTransitionException when the hold no longer holds the slot, or its payment was received
     * @throws ValidationException when the e-mail is not an address or the amount outside the provider's limits
     * @throws NotFoundException when the hold is unknown or has no payment
     * @throws org.opengru.core.error.AccessDeniedException when the appointment is not {@code by}'s
     * @throws org.opengru.payments.ProviderException when PayFiP cannot be reached: nothing is owed
     */
    public StartedPayment payAppointment(
            org.opengru.core.principal.UsagerPrincipal by, BookingId hold, String object, String payerEmail) {
        BookingPayments held = appointments();
        Booking b = held.bookings().find(by, hold); // the owner's, or AccessDeniedException
        BookingPayment p = held.find(by.tenant(), hold);
        if (p.status() != BookingPaymentStatus.AWAITING_PAYMENT
                || b.status() != BookingStatus.HELD
                || b.holdExpiresAt() == null
                || !clock.instant().isBefore(b.holdExpiresAt())) {
            throw new IllegalTransitionException(
                    "booking payment",
                    hold.toString(),
                    p.status().name(),
                    "PAY",
                    by.toString(),
                    "no payment is awaited");
        }
        PaymentOrder order = new PaymentOrder(
                        by.tenant(),
                        "RDV" + hex(hold.value()),
                        year(),
                        p.amountCents(),
                        shorten(object),
                        payerEmail,
                        BOOKING + hold)
                .by(p.usager());
        return payments.start(order, by.ref());
    }

    /**
     * The payments of a paying appointment's hold, oldest first, in any status.
     *
     * @param tenant the collectivité
     * @param hold the booking held for the payment
     * @return its payments
     */
    public List<Payment> paymentsOf(TenantId tenant, BookingId hold) {
        return store.ofSubject(tenant, BOOKING + hold);
    }

    private BookingPayments appointments() {
        if (appointments == null) {
            throw new IllegalStateException("no paying appointment is offered: BookingPayments was not given");
        }
        return appointments;
    }

    /**
     * The payments of a reservation, oldest first, in any status: what the usager and the agent see.
     *
     * @param tenant the collectivité
     * @param id the reservation
     * @return its payments
     */
    public List<Payment> paymentsOf(TenantId tenant, ReservationId id) {
        return store.ofSubject(tenant, RESERVATION + id);
    }

    /**
     * The payments of a registration, oldest first, in any status.
     *
     * @param tenant the collectivité
     * @param id the registration
     * @return its payments
     */
    public List<Payment> paymentsOf(TenantId tenant, RegistrationId id) {
        return store.ofSubject(tenant, REGISTRATION + id);
    }

    /**
     * Records a read-back on the reservation or registration it pays. Call it with every read-back: it is
     * idempotent. Payments of other subjects, and those not paid, are left alone.
     *
     * @param back a read-back of the payment service
     * @return what became of the payment, empty when it is not paid or not for a reservation or registration
     */
    public Optional<PaymentOutcome> record(ReadBack back) {
        Payment p = back.payment();
        String subject = p.order().subject();
        if (p.status() != PaymentStatus.PAID || subject == null) {
            return Optional.empty();
        }
        TenantId tenant = p.order().tenant();
        String reference = p.operationId().value();
        PaymentOutcome outcome;
        try {
            if (subject.startsWith(RESERVATION)) {
                outcome = reservations.confirmPayment(
                        tenant, new ReservationId(UUID.fromString(subject.substring(RESERVATION.length()))), reference);
            } else if (subject.startsWith(REGISTRATION)) {
                outcome = registrations.confirmPayment(
                        tenant,
                        new RegistrationId(UUID.fromString(subject.substring(REGISTRATION.length()))),
                        reference);
            } else if (subject.startsWith(BOOKING) && appointments != null) {
                outcome = appointments.confirmPayment(
                        tenant, BookingId.of(UUID.fromString(subject.substring(BOOKING.length()))), reference);
            } else {
                return Optional.empty();
            }
        } catch (IllegalArgumentException | NotFoundException e) {
            LOG.warn("payment {} names {}, which is not a reservation nor a registration here", p.id(), subject);
            return Optional.empty();
        }
        if (outcome == PaymentOutcome.REFUND_DUE) {
            try {
                payments.refundDue(
                        tenant,
                        p.id(),
                        PaymentService.SYSTEM,
                        "la réservation, l'inscription ou le rendez-vous ne pouvait plus prendre ce paiement :"
                                + " remboursement à effectuer par le comptable public");
            } catch (IllegalTransitionException e) {
                // Marked already by another read-back (or refunded since): nothing more to do.
            }
        }
        return Optional.of(outcome);
    }

    /**
     * Records the paid payments of a subject that a crash or a lost notification left unrecorded (run it
     * after the reconciliation job, or before showing a reservation): idempotent.
     *
     * @param payment a payment as stored
     * @return what became of it, empty when not paid or not for a reservation or registration
     */
    public Optional<PaymentOutcome> record(Payment payment) {
        return record(new ReadBack(payment, false));
    }

    private int year() {
        return clock.instant().atZone(PARIS).getYear();
    }

    /** 27 hexadecimal digits of the id: with a 3-letter prefix, a refdet of 30 letters or digits. */
    private static String hex(UUID id) {
        return id.toString().replace("-", "").substring(0, 27).toUpperCase(Locale.ROOT);
    }

    private static String shorten(String object) {
        return object.length() <= 100 ? object : object.substring(0, 99) + "…";
    }
}
