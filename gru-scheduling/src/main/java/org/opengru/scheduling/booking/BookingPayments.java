package org.opengru.scheduling.booking;

import static org.opengru.scheduling.booking.BookingPaymentAction.CANCEL_PAID;
import static org.opengru.scheduling.booking.BookingPaymentAction.CONFIRM_PAYMENT;
import static org.opengru.scheduling.booking.BookingPaymentAction.RECORD_REFUND;
import static org.opengru.scheduling.booking.BookingPaymentAction.RELEASE;
import static org.opengru.scheduling.booking.BookingPaymentStatus.AWAITING_PAYMENT;
import static org.opengru.scheduling.booking.BookingPaymentStatus.PAID;
import static org.opengru.scheduling.booking.BookingPaymentStatus.REFUNDED;
import static org.opengru.scheduling.booking.BookingPaymentStatus.REFUND_DUE;
import static org.opengru.scheduling.booking.BookingPaymentStatus.RELEASED;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.opengru.core.error.ConcurrentUpdateException;
import org.opengru.core.error.IllegalTransitionException;
import org.opengru.core.error.NotFoundException;
import org.opengru.core.id.UsagerId;
import org.opengru.core.principal.ActorKind;
import org.opengru.core.principal.ActorRef;
import org.opengru.core.principal.AgentPrincipal;
import org.opengru.core.principal.Principal;
import org.opengru.core.tenancy.TenantId;
import org.opengru.scheduling.hold.Guard;
import org.opengru.scheduling.hold.Lifecycle;
import org.opengru.scheduling.hold.PaymentOutcome;
import org.opengru.scheduling.hold.PaymentReference;
import org.opengru.scheduling.hold.Role;
import org.opengru.scheduling.hold.TrailEntry;
import org.opengru.scheduling.hold.Transition;
import org.opengru.scheduling.hold.UpdateResult;
import org.opengru.scheduling.internal.Check;

/**
 * Paying appointments: the slot is held (a HELD booking, for the policy's hold duration) until paid or
 * until the hold expires. {@link #confirmPayment} is idempotent on the payment's reference; a payment
 * after the hold expired books the slot again if it is still free, else the payment is due for refund (by
 * the comptable public): never lost, never a double booking (the booking store's constraint decides).
 * Does not depend on a payment provider: the payment wiring reads {@link BookingPayment#amountCents()}
 * and calls {@link #confirmPayment}.
 */
public final class BookingPayments {

    private static final ActorRef PAYMENTS = new ActorRef(ActorKind.SYSTEM, "payments");
    private static final ActorRef RECONCILER = new ActorRef(ActorKind.SYSTEM, "payment-reconciler");

    /** The payment's state machine: one table of (from, action, to, roles, guard), read in order. */
    public static final Lifecycle<BookingPaymentStatus, BookingPaymentAction> LIFECYCLE = new Lifecycle<>(
            "booking payment",
            List.of(
                    t(AWAITING_PAYMENT, CONFIRM_PAYMENT, PAID, Role.SYSTEM, Guard.PLACE_FREE),
                    t(AWAITING_PAYMENT, CONFIRM_PAYMENT, REFUND_DUE, Role.SYSTEM, Guard.PLACE_TAKEN),
                    t(AWAITING_PAYMENT, RELEASE, RELEASED, Role.SYSTEM, Guard.HOLD_OVER),
                    t(RELEASED, CONFIRM_PAYMENT, PAID, Role.SYSTEM, Guard.PLACE_FREE),
                    t(RELEASED, CONFIRM_PAYMENT, REFUND_DUE, Role.SYSTEM, Guard.PLACE_TAKEN),
                    t(PAID, CANCEL_PAID, REFUND_DUE, Role.SYSTEM, Guard.ALWAYS),
                    t(REFUND_DUE, RECORD_REFUND, REFUNDED, Role.AGENT, Guard.ALWAYS)));

    private final BookingService bookings;
    private final BookingPaymentStore store;

    /**
     * Paying appointments over these bookings.
     *
     * @param bookings the booking service, whose clock and sites are used
     * @param store where the payments are kept
     */
    public BookingPayments(BookingService bookings, BookingPaymentStore store) {
        this.bookings = Objects.requireNonNull(bookings, "bookings");
        this.store = Objects.requireNonNull(store, "store");
    }

    private static Transition<BookingPaymentStatus, BookingPaymentAction> t(
            BookingPaymentStatus from, BookingPaymentAction action, BookingPaymentStatus to, Role role, Guard guard) {
        return new Transition<>(from, action, to, Set.of(role), guard);
    }

    /**
     * The booking service the holds are taken from, for the payment wiring (whose appointment, until when).
     *
     * @return the service given at construction
     */
    public BookingService bookings() {
        return bookings;
    }

    /**
     * The store, for the RGPD export and for tests.
     *
     * @return the store given at construction
     */
    public BookingPaymentStore store() {
        return store;
    }

    /**
     * Holds the slot of a paying service until paid: the booking is HELD for the policy's hold duration,
     * and its payment, of the service's price per person, awaits. A replayed request (same idempotency
     * key) returns the first hold.
     *
     * @param request the booking asked, with its idempotency key
     * @return the booking result; when {@code Booked}, the booking is HELD and its payment awaits
     * @throws org.opengru.core.error.NotFoundException when the service is not offered at the site
     * @throws BookingRejectedException when the slot cannot be held (taken, too late, too many holds...)
     * @throws org.opengru.core.error.ValidationException naming {@code service} when it is free: book it,
     *     nothing is to be paid
     */
    public BookingResult holdForPayment(BookingRequest request) {
        BookingResult result = bookings.hold(request);
        if (result instanceof BookingResult.Booked b && !b.replayed()) {
            Booking hold = b.booking();
            long price = bookings.sites()
                    .find(hold.tenant(), hold.site())
                    .flatMap(s -> s.service(hold.service()))
                    .orElseThrow(() ->
                            new NotFoundException("service", hold.service().value()))
                    .priceCents();
            Check.that(price > 0, "service", hold.service(), "is free: book it, nothing is to be paid");
            Instant now = bookings.clock().instant();
            BookingPayment p = new BookingPayment(
                    hold.tenant(),
                    hold.id(),
                    hold.usager(),
                    hold.start(),
                    price * hold.people(),
                    AWAITING_PAYMENT,
                    null,
                    null,
                    0,
                    now,
                    now);
            store.insert(p, entry(p, "hold_for_payment", request.actor().ref(), null, null));
        }
        return result;
    }

    /**
     * The payment of a hold.
     *
     * @param tenant the commune
     * @param hold the booking taken HELD for the payment
     * @return the payment
     * @throws NotFoundException when the hold has no payment in this commune
     */
    public BookingPayment find(TenantId tenant, BookingId hold) {
        return store.find(tenant, hold).orElseThrow(() -> new NotFoundException("booking payment", hold.toString()));
    }

    /**
     * A payment was received for the hold (the payment wiring calls this once the provider confirmed it).
     * Same reference again: {@code ALREADY_RECORDED}. Within the hold: the appointment is booked. After
     * it: booked again if the slot and the person's one appointment per service allow, else {@code
     * REFUND_DUE}. A second payment with another reference is recorded in the trail as to be refunded.
     * Safe to call again after a timeout, and from several nodes at once: a change made meanwhile is re-read
     * and decided again.
     *
     * @param tenant the commune
     * @param hold the booking taken HELD for the payment
     * @param paymentReference the provider's reference of the payment
     * @return what became of the payment
     * @throws org.opengru.core.error.ValidationException when the reference is malformed
     * @throws NotFoundException when the hold has no payment in this commune
     */
    public PaymentOutcome confirmPayment(TenantId tenant, BookingId hold, String paymentReference) {
        PaymentReference ref = PaymentReference.of(paymentReference);
        while (true) {
            BookingPayment p = find(tenant, hold);
            Instant now = bookings.clock().instant();
            if (ref.value().equals(p.paymentReference())) {
                return PaymentOutcome.ALREADY_RECORDED;
            }
            if (p.paid()) {
                BookingPayment same = p.next(p.status(), p.booking(), p.paymentReference(), now);
                if (store.update(
                                p, same, entry(same, "duplicate_payment_refund_due", PAYMENTS, p.status(), ref.value()))
                        instanceof UpdateResult.Updated<BookingPayment>) {
                    return PaymentOutcome.REFUND_DUE;
                }
                continue;
            }
            Optional<Booking> booked = take(tenant, hold);
            Transition<BookingPaymentStatus, BookingPaymentAction> t = LIFECYCLE.move(
                    hold.toString(),
                    p.status(),
                    CONFIRM_PAYMENT,
                    Role.SYSTEM,
                    PAYMENTS.toString(),
                    g -> g == (booked.isPresent() ? Guard.PLACE_FREE : Guard.PLACE_TAKEN));
            BookingPayment next = p.next(t.to(), booked.map(Booking::id).orElse(null), ref.value(), now);
            if (store.update(p, next, entry(next, "confirm_payment", PAYMENTS, p.status(), ref.value()))
                    instanceof UpdateResult.Updated<BookingPayment>) {
                if (booked.isEmpty()) {
                    return PaymentOutcome.REFUND_DUE;
                }
                return booked.get().id().equals(hold) ? PaymentOutcome.ACCEPTED : PaymentOutcome.ACCEPTED_LATE;
            }
            if (booked.isPresent()) {
                // Another node recorded a payment meanwhile, after this one booked: decide again from there.
                continue;
            }
        }
    }

    /** Confirms the hold if it still holds the slot, else books the same slot again if free. */
    private Optional<Booking> take(TenantId tenant, BookingId hold) {
        Booking b = bookings.find(tenant, hold);
        if (b.status() == BookingStatus.HELD) {
            try {
                return Optional.of(bookings.confirmPaid(hold, tenant, PAYMENTS));
            } catch (BookingRejectedException | IllegalTransitionException | ConcurrentUpdateException lost) {
                b = bookings.find(tenant, hold); // expired, or confirmed by a concurrent attempt: read again
            }
        }
        if (b.status() == BookingStatus.BOOKED) {
            // Confirmed for this payment: by a concurrent attempt (notification and reconciliation at once),
            // or by an earlier one that died before recording it. Not a lost place: never a refund.
            return Optional.of(b);
        }
        if (b.status() != BookingStatus.HELD && b.status() != BookingStatus.EXPIRED) {
            return Optional.empty(); // released or cancelled by the person: the payment is refunded
        }
        BookingRequest again = new BookingRequest(
                tenant,
                b.site(),
                b.service(),
                b.start(),
                b.people(),
                b.usager(),
                Principal.system(tenant, "payments"),
                b.antsNumber() == null ? null : b.antsNumber().value(),
                null,
                b.resource());
        try {
            BookingResult r = bookings.bookPaid(again);
            return r instanceof BookingResult.Booked booked ? Optional.of(booked.booking()) : Optional.empty();
        } catch (BookingRejectedException slotNoLongerBookable) {
            return Optional.empty(); // in the past, another appointment for the service meanwhile...
        }
    }

    /**
     * Settles what changed on the bookings' side (run it with the hold reaper): a payment awaited for a
     * hold that ended is released; a paid appointment since cancelled is due for refund. Returns the
     * payments changed.
     *
     * @param tenant the commune
     * @return the payments changed, empty when none (a payment changed by another node meanwhile is left to it)
     */
    public List<BookingPayment> reconcile(TenantId tenant) {
        List<BookingPayment> changed = new ArrayList<>();
        Instant now = bookings.clock().instant();
        for (BookingPayment p : store.open(tenant, now.minus(Duration.ofDays(1)))) {
            Booking b = bookings.find(tenant, p.booking() == null ? p.hold() : p.booking());
            BookingPaymentAction action;
            if (p.status() == AWAITING_PAYMENT && !b.occupiesDeskAt(now)) {
                action = RELEASE;
            } else if (p.status() == PAID && b.status().cancelled()) {
                action = CANCEL_PAID;
            } else {
                continue;
            }
            Transition<BookingPaymentStatus, BookingPaymentAction> t = LIFECYCLE.move(
                    p.hold().toString(), p.status(), action, Role.SYSTEM, RECONCILER.toString(), g -> true);
            BookingPayment next = p.next(t.to(), p.booking(), p.paymentReference(), now);
            if (store.update(
                            p,
                            next,
                            entry(next, action.name().toLowerCase(java.util.Locale.ROOT), RECONCILER, p.status(), null))
                    instanceof UpdateResult.Updated<BookingPayment> u) {
                changed.add(u.item());
            }
        }
        return changed;
    }

    /**
     * The comptable public made the refund: an agent of the site's teams records it with its reference.
     *
     * @param agent the agent recording it
     * @param hold the booking taken HELD for the payment
     * @param refundReference the refund's reference (the comptable public's), up to 200 characters
     * @return the payment, now REFUNDED
     * @throws org.opengru.core.error.AccessDeniedException when the agent is not of the site's teams
     * @throws org.opengru.core.error.ValidationException when the reference is blank or too long
     * @throws IllegalTransitionException when the payment is not due for refund (already recorded...)
     * @throws ConcurrentUpdateException when another node changed the payment meanwhile: read it again
     */
    public BookingPayment recordRefund(AgentPrincipal agent, BookingId hold, String refundReference) {
        bookings.find(agent, hold); // an agent of the site's teams, or AccessDeniedException
        String detail = Check.text("refundReference", refundReference, 200);
        BookingPayment p = find(agent.tenant(), hold);
        Transition<BookingPaymentStatus, BookingPaymentAction> t =
                LIFECYCLE.move(hold.toString(), p.status(), RECORD_REFUND, Role.AGENT, agent.toString(), g -> true);
        BookingPayment next = p.next(
                t.to(), p.booking(), p.paymentReference(), bookings.clock().instant());
        if (store.update(p, next, entry(next, "record_refund", agent.ref(), p.status(), detail))
                instanceof UpdateResult.Updated<BookingPayment> u) {
            return u.item();
        }
        throw new ConcurrentUpdateException("booking payment", hold.toString(), p.version(), -1);
    }

    /**
     * The trail of a payment: every move, oldest first.
     *
     * @param tenant the commune
     * @param hold the booking taken HELD for the payment
     * @return the entries, empty when the payment is unknown
     */
    public List<TrailEntry> trail(TenantId tenant, BookingId hold) {
        return store.trail(tenant, hold);
    }

    /**
     * Erasure: the usager's payments are detached, except a refund still due to them. Idempotent.
     *
     * @param tenant the commune
     * @param usager the usager erased
     * @return how many payments were detached
     */
    public int eraseUsager(TenantId tenant, UsagerId usager) {
        return store.detachUsager(tenant, usager);
    }

    private static TrailEntry entry(
            BookingPayment p,
            String action,
            ActorRef actor,
            @Nullable BookingPaymentStatus from,
            @Nullable String detail) {
        return new TrailEntry(
                p.tenant(),
                p.hold().value(),
                action,
                actor,
                p.updatedAt(),
                from == null ? null : from.name(),
                p.status().name(),
                detail);
    }
}
