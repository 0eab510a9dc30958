package org.opengru.scheduling.reservation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.opengru.core.error.AccessDeniedException;
import org.opengru.core.error.ConcurrentUpdateException;
import org.opengru.core.error.NotFoundException;
import org.opengru.core.error.ValidationException;
import org.opengru.core.event.DomainEventPublisher;
import org.opengru.core.id.IdGenerator;
import org.opengru.core.id.UsagerId;
import org.opengru.core.principal.ActorKind;
import org.opengru.core.principal.ActorRef;
import org.opengru.core.principal.AgentPrincipal;
import org.opengru.core.principal.Principal;
import org.opengru.core.principal.SystemPrincipal;
import org.opengru.core.principal.UsagerPrincipal;
import org.opengru.core.tenancy.TenantId;
import org.opengru.core.usager.Representations;
import org.opengru.scheduling.hold.Guard;
import org.opengru.scheduling.hold.PaymentOutcome;
import org.opengru.scheduling.hold.PaymentReference;
import org.opengru.scheduling.hold.Role;
import org.opengru.scheduling.hold.TrailEntry;
import org.opengru.scheduling.hold.Transition;
import org.opengru.scheduling.hold.UpdateResult;
import org.opengru.scheduling.internal.Check;
import org.opengru.scheduling.reservation.ReservationRejectedException.Reason;

/**
 * Reserves rooms and equipment: checks a request against the reservable's rules before anything is
 * written, lets the store take the period (it refuses an overlap, across nodes), and moves reservations
 * only through {@link ReservationLifecycle#TABLE}. Who acts: the usager, whoever may act for them
 * ({@link Representations}: household, mandate), an agent of the reservable's teams, or the collectivité's
 * system (payment notification, hold reaper). Instance-scoped and thread-safe.
 */
public final class ReservationService {

    private final ReservationStore store;
    private final Map<ReservableKey, Reservable> catalogue = new HashMap<>();
    private final Representations representations;
    private final Clock clock;
    private final IdGenerator ids;
    private final DomainEventPublisher events;

    private record ReservableKey(TenantId tenant, ReservableId id) {}

    /**
     * A service over these parts.
     *
     * @param store the reservations
     * @param reservables the rooms and equipment of every collectivité served, each listed once
     * @param representations who may act for whom (household, mandate)
     * @param clock the one clock: horizons, holds, deadlines, trail
     * @param ids the generator of reservation ids
     * @throws ValidationException naming {@code reservables} when one is listed twice for a collectivité
     */
    public ReservationService(
            ReservationStore store,
            List<Reservable> reservables,
            Representations representations,
            Clock clock,
            IdGenerator ids) {
        this(store, reservables, representations, clock, ids, DomainEventPublisher.none());
    }

    /**
     * A service that publishes each change's {@link ReservationEvent} to in-process listeners once it is
     * stored (the PostgreSQL store built with subscribers writes the same events, with the same ids, to
     * gru-core's outbox for the webhooks).
     *
     * @param store the reservations
     * @param reservables the rooms and equipment of every collectivité served
     * @param representations who may act for whom (household members, mandates)
     * @param clock the one clock: horizons, holds, deadlines, trail
     * @param ids the generator of reservation ids
     * @param events where the reservation events go once stored (gru-core's {@code DomainEvents})
     * @throws ValidationException naming {@code reservables} when one is listed twice for a collectivité
     */
    public ReservationService(
            ReservationStore store,
            List<Reservable> reservables,
            Representations representations,
            Clock clock,
            IdGenerator ids,
            DomainEventPublisher events) {
        this.events = Objects.requireNonNull(events, "events");
        this.store = Objects.requireNonNull(store, "store");
        for (Reservable r : reservables) {
            if (catalogue.put(new ReservableKey(r.tenant(), r.id()), r) != null) {
                throw new ValidationException("reservables", r.id(), "is listed twice for " + r.tenant());
            }
        }
        this.representations = Objects.requireNonNull(representations, "representations");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ids = Objects.requireNonNull(ids, "ids");
    }

    /**
     * The store, for the RGPD export and for tests.
     *
     * @return the store given at construction
     */
    public ReservationStore store() {
        return store;
    }

    /**
     * A room or equipment of the collectivité.
     *
     * @param tenant the collectivité
     * @param id its code
     * @return the reservable
     * @throws ReservationRejectedException {@code UNKNOWN_RESERVABLE} when the collectivité has none of that code
     */
    public Reservable reservable(TenantId tenant, ReservableId id) {
        Reservable r = catalogue.get(new ReservableKey(tenant, id));
        if (r == null) {
            throw new ReservationRejectedException(
                    Reason.UNKNOWN_RESERVABLE, "reservable", id, "is not a room or equipment of " + tenant);
        }
        return r;
    }

    /**
     * Asks for a reservation: it keeps its period at once (REQUESTED) until an agent decides. Refused with
     * a {@link ReservationRejectedException} naming the field and value when a rule is broken, or {@code
     * PERIOD_TAKEN} when the period overlaps another.
     *
     * @param by the usager, whoever acts for them, or an agent of the reservable's teams
     * @param request what to reserve, when, for whom
     * @return the reservation, REQUESTED
     * @throws ReservationRejectedException naming the rule broken: unknown reservable, category not admitted,
     *     in the past, beyond the horizon, too short, too long, outside the opening rules, unknown piece,
     *     period taken; nothing written
     * @throws AccessDeniedException when {@code by} may not act for the usager
     * @throws ValidationException when a document reference is blank or too long
     */
    public Reservation request(Principal by, ReservationRequest request) {
        Reservable r = reservable(request.tenant(), request.reservable());
        checkActsFor(by, request.tenant(), request.usager(), r, "reserve for");
        Instant now = clock.instant();
        long price = check(r, request, now);
        Reservation reservation = new Reservation(
                new ReservationId(ids.nextUuid()),
                request.tenant(),
                r.id(),
                request.usager(),
                request.category(),
                request.start(),
                request.end(),
                ReservationStatus.REQUESTED,
                price,
                r.depositCents(),
                r.depositInPayment() && r.depositCents() > 0,
                r.depositCents() > 0 ? DepositStatus.DUE : DepositStatus.NONE,
                r.requiredPieces(),
                request.providedPieces(),
                null,
                null,
                null,
                0,
                now,
                now);
        TrailEntry entry = entry(reservation, "request", by.ref(), null, null);
        Optional<Reservation> inserted = store.insert(reservation, entry);
        if (inserted.isEmpty()) {
            // A hold past its expiry still keeps its row's period until reaped: reap, then try once more.
            if (expireHolds(request.tenant()).isEmpty() || (inserted = store.insert(reservation, entry)).isEmpty()) {
                throw new ReservationRejectedException(
                        Reason.PERIOD_TAKEN,
                        "start",
                        request.start(),
                        r.name() + " is already reserved over part of " + request.start() + " – " + request.end());
            }
        }
        return told(inserted.get(), entry);
    }

    /** The price of the request, after checking every rule; nothing is written. */
    private static long check(Reservable r, ReservationRequest request, Instant now) {
        Tariff tariff = r.tariff(request.category())
                .orElseThrow(() -> new ReservationRejectedException(
                        Reason.CATEGORY_NOT_ADMITTED,
                        "category",
                        request.category(),
                        r.name() + " is not rented to this category"));
        if (!request.start().isAfter(now)) {
            throw new ReservationRejectedException(Reason.IN_THE_PAST, "start", request.start(), "is not after " + now);
        }
        if (request.start().isAfter(now.plus(r.maxHorizon()))) {
            throw new ReservationRejectedException(
                    Reason.BEYOND_HORIZON, "start", request.start(), "must be at most " + r.maxHorizon() + " ahead");
        }
        Duration length = Duration.between(request.start(), request.end());
        if (length.compareTo(r.minDuration()) < 0) {
            throw new ReservationRejectedException(
                    Reason.TOO_SHORT,
                    "end",
                    request.end(),
                    "the period " + length + " is shorter than " + r.minDuration());
        }
        if (length.compareTo(r.maxDuration()) > 0) {
            throw new ReservationRejectedException(
                    Reason.TOO_LONG,
                    "end",
                    request.end(),
                    "the period " + length + " is longer than " + r.maxDuration());
        }
        if (r.openingRules().stream()
                .noneMatch(rule -> rule.admits(request.start().atZone(r.zone())))) {
            throw new ReservationRejectedException(
                    Reason.OUTSIDE_OPENING_RULES,
                    "start",
                    request.start(),
                    "is not a time " + r.name() + " can be handed over ("
                            + request.start().atZone(r.zone()) + ")");
        }
        if (r.openingRules().stream()
                .noneMatch(rule -> rule.admits(request.end().atZone(r.zone())))) {
            throw new ReservationRejectedException(
                    Reason.OUTSIDE_OPENING_RULES,
                    "end",
                    request.end(),
                    "is not a time " + r.name() + " can be given back ("
                            + request.end().atZone(r.zone()) + ")");
        }
        for (Map.Entry<String, String> piece : request.providedPieces().entrySet()) {
            checkPiece(r, piece.getKey(), piece.getValue());
        }
        return tariff.priceCents(length);
    }

    private static void checkPiece(Reservable r, String code, String documentReference) {
        if (!r.requiredPieces().contains(code)) {
            throw new ReservationRejectedException(
                    Reason.UNKNOWN_PIECE, "providedPieces", code, "is not a piece " + r.name() + " requires");
        }
        Check.text("providedPieces." + code, documentReference, 200);
    }

    /**
     * Records a required piece as provided (by the document's reference). Audited. Providing the same piece
     * again replaces its reference.
     *
     * @param by the usager, whoever acts for them, or an agent of the reservable's teams
     * @param id the reservation
     * @param code the piece's code, one the reservable requires
     * @param documentReference the document's reference, up to 200 characters
     * @return the reservation with the piece
     * @throws org.opengru.core.error.NotFoundException when the collectivité has no such reservation
     * @throws AccessDeniedException when {@code by} may not act for the usager
     * @throws ReservationRejectedException {@code UNKNOWN_PIECE} when the reservable does not require it
     * @throws ValidationException when the reference is blank or too long, or the reservation no longer keeps
     *     its period (no piece is expected)
     * @throws ConcurrentUpdateException when another node changed the reservation meanwhile: read it again
     */
    public Reservation providePiece(Principal by, ReservationId id, String code, String documentReference) {
        Reservation current = find(by.tenant(), id);
        Reservable r = reservable(current.tenant(), current.reservable());
        checkActsFor(by, current.tenant(), current.usager(), r, "provide a piece for");
        checkPiece(r, code, documentReference);
        if (!current.status().keepsPeriod()) {
            throw new ValidationException("reservationId", id, "is " + current.status() + ": no piece is expected");
        }
        Reservation next = current.withPiece(code, documentReference.strip(), clock.instant());
        TrailEntry entry = entry(next, "provide_piece", by.ref(), current.status(), code);
        return written(store.update(current, next, entry), id);
    }

    /**
     * Approves a request: confirmed at once when nothing is due, else awaiting payment for the
     * reservable's {@link Reservable#paymentHold()}. Refused while a required piece is missing.
     *
     * @param agent an agent of the reservable's teams
     * @param id the reservation
     * @return the reservation, CONFIRMED or AWAITING_PAYMENT
     * @throws org.opengru.core.error.NotFoundException when the collectivité has no such reservation
     * @throws AccessDeniedException when the agent may not act for the usager nor is of the reservable's teams
     * @throws org.opengru.core.error.IllegalTransitionException when the table has no such move from the
     *     reservation's state for that role, or its guard does not hold
     * @throws ReservationRejectedException {@code PERIOD_TAKEN} when the period went to someone else meanwhile
     * @throws ConcurrentUpdateException when another node changed the reservation meanwhile: read it again
     */
    public Reservation approve(AgentPrincipal agent, ReservationId id) {
        return move(agent, id, ReservationAction.APPROVE, null);
    }

    /**
     * Refuses a request, with the reason the usager will read; the period is free again.
     *
     * @param agent an agent of the reservable's teams
     * @param id the reservation
     * @param reason the reason, in plain French, up to 2000 characters
     * @return the reservation, REJECTED
     * @throws ValidationException when the reason is blank or too long
     * @throws org.opengru.core.error.NotFoundException when the collectivité has no such reservation
     * @throws AccessDeniedException when the agent may not act for the usager nor is of the reservable's teams
     * @throws org.opengru.core.error.IllegalTransitionException when the table has no such move from the
     *     reservation's state for that role, or its guard does not hold
     * @throws ReservationRejectedException {@code PERIOD_TAKEN} when the period went to someone else meanwhile
     * @throws ConcurrentUpdateException when another node changed the reservation meanwhile: read it again
     */
    public Reservation reject(AgentPrincipal agent, ReservationId id, String reason) {
        return move(agent, id, ReservationAction.REJECT, Check.text("reason", reason, 2000));
    }

    /**
     * Cancels before the start, by the usager (or whoever acts for them) or an agent; a paid reservation
     * goes to REFUND_DUE.
     *
     * @param by the usager, whoever acts for them, or an agent of the reservable's teams
     * @param id the reservation
     * @param reason why, up to 2000 characters, or {@code null}
     * @return the reservation, CANCELLED or REFUND_DUE
     * @throws ValidationException when the reason is blank or too long
     * @throws org.opengru.core.error.NotFoundException when the collectivité has no such reservation
     * @throws AccessDeniedException when {@code by} may not act for the usager nor is of the reservable's teams
     * @throws org.opengru.core.error.IllegalTransitionException when the table has no such move from the
     *     reservation's state for that role, or its guard does not hold
     * @throws ReservationRejectedException {@code PERIOD_TAKEN} when the period went to someone else meanwhile
     * @throws ConcurrentUpdateException when another node changed the reservation meanwhile: read it again
     */
    public Reservation cancel(Principal by, ReservationId id, @Nullable String reason) {
        return move(by, id, ReservationAction.CANCEL, reason == null ? null : Check.text("reason", reason, 2000));
    }

    /**
     * The comptable public made the refund: an agent records it, with its reference.
     *
     * @param agent an agent of the reservable's teams
     * @param id the reservation
     * @param refundReference the refund's reference, up to 200 characters
     * @return the reservation, REFUNDED
     * @throws ValidationException when the reference is blank or too long
     * @throws org.opengru.core.error.NotFoundException when the collectivité has no such reservation
     * @throws AccessDeniedException when the agent may not act for the usager nor is of the reservable's teams
     * @throws org.opengru.core.error.IllegalTransitionException when the table has no such move from the
     *     reservation's state for that role, or its guard does not hold
     * @throws ReservationRejectedException {@code PERIOD_TAKEN} when the period went to someone else meanwhile
     * @throws ConcurrentUpdateException when another node changed the reservation meanwhile: read it again
     */
    public Reservation recordRefund(AgentPrincipal agent, ReservationId id, String refundReference) {
        return move(agent, id, ReservationAction.RECORD_REFUND, Check.text("refundReference", refundReference, 200));
    }

    /**
     * A payment was received for the reservation (the payment module calls this once it has read the
     * result back from the provider). Idempotent on the reference. Within the hold: confirmed. After it:
     * confirmed if the period is still free, else REFUND_DUE; after a cancellation: REFUND_DUE. A second
     * payment with another reference leaves the status and is recorded in the trail as to be refunded.
     * Safe to call again after a timeout and from several nodes at once: a change made meanwhile is re-read
     * and decided again.
     *
     * @param tenant the collectivité
     * @param id the reservation
     * @param paymentReference the provider's reference of the payment
     * @return what became of the payment
     * @throws ValidationException when the reference is malformed
     * @throws org.opengru.core.error.NotFoundException when the collectivité has no such reservation
     */
    public PaymentOutcome confirmPayment(TenantId tenant, ReservationId id, String paymentReference) {
        PaymentReference ref = PaymentReference.of(paymentReference);
        SystemPrincipal payments = Principal.system(tenant, "payments");
        while (true) {
            Reservation current = find(tenant, id);
            if (ref.value().equals(current.paymentReference())) {
                return PaymentOutcome.ALREADY_RECORDED;
            }
            if (current.paid()) {
                Reservation same = current.next(
                        current.status(),
                        current.holdExpiresAt(),
                        current.paymentReference(),
                        current.decisionReason(),
                        clock.instant());
                TrailEntry entry =
                        entry(same, "duplicate_payment_refund_due", payments.ref(), current.status(), ref.value());
                if (store.update(current, same, entry) instanceof UpdateResult.Updated<Reservation> u) {
                    told(u.item(), entry);
                    return PaymentOutcome.REFUND_DUE;
                }
                continue;
            }
            Reservable r = reservable(tenant, current.reservable());
            Instant now = clock.instant();
            Transition<ReservationStatus, ReservationAction> t = ReservationLifecycle.TABLE.move(
                    id.toString(),
                    current.status(),
                    ReservationAction.CONFIRM_PAYMENT,
                    Role.SYSTEM,
                    payments.toString(),
                    g -> holds(g, current, r, now));
            Reservation next = current.next(t.to(), null, ref.value(), current.decisionReason(), now);
            if (t.to() == ReservationStatus.CONFIRMED
                    && current.depositInPayment()
                    && current.deposit() == DepositStatus.DUE) {
                next = next.withDeposit(DepositLifecycle.TABLE
                        .move(
                                id.toString(),
                                DepositStatus.DUE,
                                DepositAction.RECEIVE,
                                Role.SYSTEM,
                                payments.toString(),
                                g -> true)
                        .to());
            }
            TrailEntry paidEntry = entry(next, "confirm_payment", payments.ref(), current.status(), ref.value());
            UpdateResult<Reservation> result = store.update(current, next, paidEntry);
            if (result instanceof UpdateResult.Updated<Reservation> u) {
                told(u.item(), paidEntry);
                if (t.to() == ReservationStatus.REFUND_DUE) {
                    return PaymentOutcome.REFUND_DUE;
                }
                return current.status() == ReservationStatus.EXPIRED
                        ? PaymentOutcome.ACCEPTED_LATE
                        : PaymentOutcome.ACCEPTED;
            }
            if (result instanceof UpdateResult.PlaceTaken<Reservation>) {
                // The period went to someone else: the table's PLACE_TAKEN row.
                Transition<ReservationStatus, ReservationAction> taken = ReservationLifecycle.TABLE.move(
                        id.toString(),
                        current.status(),
                        ReservationAction.CONFIRM_PAYMENT,
                        Role.SYSTEM,
                        payments.toString(),
                        g -> g == Guard.PLACE_TAKEN);
                Reservation refund = current.next(taken.to(), null, ref.value(), current.decisionReason(), now);
                TrailEntry refundEntry =
                        entry(refund, "confirm_payment", payments.ref(), current.status(), ref.value());
                if (store.update(current, refund, refundEntry) instanceof UpdateResult.Updated<Reservation> u) {
                    told(u.item(), refundEntry);
                    return PaymentOutcome.REFUND_DUE;
                }
            }
            // Stale: someone changed it meanwhile (the reaper, a cancellation): decide again.
        }
    }

    /**
     * Expires the payment holds that ran out (run it periodically); returns the reservations released.
     * Several nodes may run it at once: a reservation changed by another is left to it.
     *
     * @param tenant the collectivité
     * @return the reservations expired by this call
     */
    public List<Reservation> expireHolds(TenantId tenant) {
        List<Reservation> expired = new ArrayList<>();
        Instant now = clock.instant();
        ActorRef reaper = new ActorRef(ActorKind.SYSTEM, "hold-reaper");
        for (Reservation r : store.overdueHolds(tenant, now)) {
            Reservation next = r.next(ReservationStatus.EXPIRED, null, null, r.decisionReason(), now);
            TrailEntry entry = entry(next, "expire_hold", reaper, r.status(), null);
            if (store.update(r, next, entry) instanceof UpdateResult.Updated<Reservation> u) {
                expired.add(told(u.item(), entry));
            }
        }
        return expired;
    }

    private Reservation move(Principal by, ReservationId id, ReservationAction action, @Nullable String detail) {
        Reservation current = find(by.tenant(), id);
        Reservable r = reservable(current.tenant(), current.reservable());
        Role role = checkActsFor(
                by, current.tenant(), current.usager(), r, action.name().toLowerCase(java.util.Locale.ROOT));
        Instant now = clock.instant();
        Transition<ReservationStatus, ReservationAction> t = ReservationLifecycle.TABLE.move(
                id.toString(), current.status(), action, role, by.toString(), g -> holds(g, current, r, now));
        Instant hold = t.to() == ReservationStatus.AWAITING_PAYMENT ? now.plus(r.paymentHold()) : null;
        String reason = action == ReservationAction.REJECT || action == ReservationAction.CANCEL
                ? detail
                : current.decisionReason();
        Reservation next = current.next(t.to(), hold, current.paymentReference(), reason, now);
        // A deposit paid with the reservation goes back with the rest of the payment.
        if (current.depositInPayment()
                && t.to() == ReservationStatus.REFUND_DUE
                && current.deposit() == DepositStatus.HELD) {
            next = next.withDeposit(DepositStatus.RETURN_DUE);
        } else if (current.depositInPayment()
                && action == ReservationAction.RECORD_REFUND
                && current.deposit() == DepositStatus.RETURN_DUE) {
            next = next.withDeposit(DepositStatus.RETURNED);
        }
        TrailEntry entry =
                entry(next, action.name().toLowerCase(java.util.Locale.ROOT), by.ref(), current.status(), detail);
        return told(written(store.update(current, next, entry), id), entry);
    }

    /**
     * The deposit taken apart (a cheque de caution) was received: an agent records it. A deposit paid with
     * the reservation is received when the payment is confirmed, not here.
     *
     * @param agent an agent of the reservable's teams
     * @param id the reservation
     * @return the reservation, its deposit HELD
     * @throws org.opengru.core.error.NotFoundException when the collectivité has no such reservation
     * @throws AccessDeniedException when the agent is not of the reservable's teams
     * @throws org.opengru.core.error.IllegalTransitionException when the deposit is not due, or is paid online
     * @throws ConcurrentUpdateException when another node changed the reservation meanwhile: read it again
     */
    public Reservation receiveDeposit(AgentPrincipal agent, ReservationId id) {
        return moveDeposit(agent, id, DepositAction.RECEIVE, null);
    }

    /**
     * The deposit is to be given back (the room or equipment came back as it left): the comptable public
     * makes the refund, the state says so until an agent records it done.
     *
     * @param agent an agent of the reservable's teams
     * @param id the reservation
     * @return the reservation, its deposit RETURN_DUE
     * @throws org.opengru.core.error.NotFoundException when the collectivité has no such reservation
     * @throws AccessDeniedException when the agent is not of the reservable's teams
     * @throws org.opengru.core.error.IllegalTransitionException when the deposit is not held
     * @throws ConcurrentUpdateException when another node changed the reservation meanwhile: read it again
     */
    public Reservation returnDeposit(AgentPrincipal agent, ReservationId id) {
        return moveDeposit(agent, id, DepositAction.RETURN, null);
    }

    /**
     * The deposit is kept (damage, equipment missing), with the reason the usager will read.
     *
     * @param agent an agent of the reservable's teams
     * @param id the reservation
     * @param reason why, in plain French, up to 2000 characters
     * @return the reservation, its deposit KEPT
     * @throws ValidationException when the reason is blank or too long
     * @throws org.opengru.core.error.NotFoundException when the collectivité has no such reservation
     * @throws AccessDeniedException when the agent is not of the reservable's teams
     * @throws org.opengru.core.error.IllegalTransitionException when the deposit is not held
     * @throws ConcurrentUpdateException when another node changed the reservation meanwhile: read it again
     */
    public Reservation keepDeposit(AgentPrincipal agent, ReservationId id, String reason) {
        return moveDeposit(agent, id, DepositAction.KEEP, Check.text("reason", reason, 2000));
    }

    /**
     * The comptable public gave the deposit back: an agent records it, with the refund's reference.
     *
     * @param agent an agent of the reservable's teams
     * @param id the reservation
     * @param refundReference the refund's reference, up to 200 characters
     * @return the reservation, its deposit RETURNED
     * @throws ValidationException when the reference is blank or too long
     * @throws org.opengru.core.error.NotFoundException when the collectivité has no such reservation
     * @throws AccessDeniedException when the agent is not of the reservable's teams
     * @throws org.opengru.core.error.IllegalTransitionException when the deposit is not to be returned
     * @throws ConcurrentUpdateException when another node changed the reservation meanwhile: read it again
     */
    public Reservation recordDepositReturned(AgentPrincipal agent, ReservationId id, String refundReference) {
        return moveDeposit(
                agent, id, DepositAction.RECORD_RETURNED, Check.text("refundReference", refundReference, 200));
    }

    private Reservation moveDeposit(
            AgentPrincipal agent, ReservationId id, DepositAction action, @Nullable String detail) {
        Reservation current = find(agent.tenant(), id);
        Reservable r = reservable(current.tenant(), current.reservable());
        String operation = action.name().toLowerCase(java.util.Locale.ROOT) + " the deposit of";
        if (r.teams().stream().noneMatch(agent::memberOf)) {
            throw new AccessDeniedException(agent.toString(), operation, "reservation of", r.id().value());
        }
        if (action == DepositAction.RECEIVE && current.depositInPayment()) {
            throw new org.opengru.core.error.IllegalTransitionException(
                    "deposit",
                    id.toString(),
                    current.deposit().name(),
                    action.name(),
                    agent.toString(),
                    "it is paid online with the reservation: received when the payment is confirmed");
        }
        Transition<DepositStatus, DepositAction> t = DepositLifecycle.TABLE.move(
                id.toString(), current.deposit(), action, Role.AGENT, agent.toString(), g -> true);
        Reservation next = current.next(
                        current.status(),
                        current.holdExpiresAt(),
                        current.paymentReference(),
                        current.decisionReason(),
                        clock.instant())
                .withDeposit(t.to());
        String name = switch (action) {
            case RECEIVE -> "receive_deposit";
            case RETURN -> "return_deposit";
            case KEEP -> "keep_deposit";
            case RECORD_RETURNED -> "record_deposit_returned";
        };
        TrailEntry entry = entry(next, name, agent.ref(), current.status(), detail);
        return told(written(store.update(current, next, entry), id), entry);
    }

    /** Publishes the change's event, if it has one, once the store returned it written. */
    private Reservation told(Reservation written, TrailEntry entry) {
        ReservationEvent.of(written, entry).ifPresent(e -> events.publish(List.of(e)));
        return written;
    }

    private static boolean holds(Guard g, Reservation r, Reservable reservable, Instant now) {
        boolean pieces = r.missingPieces().isEmpty();
        return switch (g) {
            case ALWAYS -> true;
            case PIECES_PROVIDED_PAYMENT_DUE -> pieces && r.amountDueCents() > 0;
            case PIECES_PROVIDED_NOTHING_DUE -> pieces && r.amountDueCents() == 0;
            case BEFORE_DEADLINE -> now.isBefore(r.start());
            case BEFORE_DEADLINE_PAID -> now.isBefore(r.start()) && r.paid();
            case BEFORE_DEADLINE_UNPAID -> now.isBefore(r.start()) && !r.paid();
            case HOLD_OVER -> r.holdExpiresAt() != null && !r.holdExpiresAt().isAfter(now);
            case PLACE_FREE -> true; // the store decides, and refuses with PlaceTaken
            case PLACE_TAKEN, PAYMENT_DUE, NOTHING_DUE -> false;
        };
    }

    private static Reservation written(UpdateResult<Reservation> result, ReservationId id) {
        if (result instanceof UpdateResult.Updated<Reservation> u) {
            return u.item();
        }
        if (result instanceof UpdateResult.PlaceTaken<Reservation>) {
            throw new ReservationRejectedException(
                    Reason.PERIOD_TAKEN, "reservationId", id, "its period is now reserved by someone else");
        }
        throw new ConcurrentUpdateException("reservation", id.toString(), -1, -1); // re-read and retry
    }

    /**
     * A reservation, without access check (for the system: payments, reaper).
     *
     * @param tenant the collectivité
     * @param id the reservation
     * @return the reservation
     * @throws org.opengru.core.error.NotFoundException when the collectivité has no such reservation
     */
    public Reservation find(TenantId tenant, ReservationId id) {
        return store.find(tenant, id).orElseThrow(() -> new NotFoundException("reservation", id.toString()));
    }

    /**
     * The reservation, for whoever may act on it ({@link AccessDeniedException} for anyone else).
     *
     * @param by who reads
     * @param id the reservation
     * @return the reservation
     * @throws org.opengru.core.error.NotFoundException when the collectivité has no such reservation
     * @throws AccessDeniedException when {@code by} may not act for the usager nor is of the reservable's teams
     */
    public Reservation find(Principal by, ReservationId id) {
        Reservation r = find(by.tenant(), id);
        checkActsFor(by, r.tenant(), r.usager(), reservable(r.tenant(), r.reservable()), "read");
        return r;
    }

    /**
     * The reservations of a room or equipment over a period, for an agent of its teams.
     *
     * @param agent an agent of the reservable's teams
     * @param id the room or equipment
     * @param from the start, inclusive
     * @param to the end, exclusive
     * @return the reservations overlapping the period, in any status, by start
     * @throws ReservationRejectedException {@code UNKNOWN_RESERVABLE} when the collectivité has none of that code
     * @throws AccessDeniedException when the agent is not of the reservable's teams
     */
    public List<Reservation> agenda(AgentPrincipal agent, ReservableId id, Instant from, Instant to) {
        Reservable r = reservable(agent.tenant(), id);
        checkActsFor(agent, agent.tenant(), null, r, "read the agenda of");
        return store.overlapping(agent.tenant(), id, from, to);
    }

    /**
     * The trail of a reservation: every move, oldest first.
     *
     * @param tenant the collectivité
     * @param id the reservation
     * @return the entries, empty when unknown
     */
    public List<TrailEntry> trail(TenantId tenant, ReservationId id) {
        return store.trail(tenant, id);
    }

    /**
     * Erasure (RGPD art. 17): the usager's reservations still ahead are cancelled in their name (a paid one
     * goes to REFUND_DUE, which stays theirs until refunded), then the others are detached. Running it
     * again detaches what has become detachable since.
     *
     * @param tenant the collectivité
     * @param usager the usager erased
     * @return how many reservations were detached
     */
    public int eraseUsager(TenantId tenant, UsagerId usager) {
        Instant now = clock.instant();
        UsagerPrincipal self = Principal.usager(tenant, usager);
        for (Reservation r : store.ofUsager(tenant, usager)) {
            if (r.status().keepsPeriod() && r.start().isAfter(now)) {
                cancel(self, r.id(), null);
            }
        }
        return store.detachUsager(tenant, usager, now);
    }

    /**
     * The one rule of who acts: in the collectivité, the usager or whoever may act for them (household,
     * mandate), an agent of the reservable's teams, or the collectivité's system. Returns the role.
     */
    private Role checkActsFor(
            Principal by, TenantId tenant, @Nullable UsagerId usager, Reservable r, String operation) {
        if (by.tenant().equals(tenant)) {
            if (by instanceof SystemPrincipal) {
                return Role.SYSTEM;
            }
            if (by instanceof AgentPrincipal a && r.teams().stream().anyMatch(a::memberOf)) {
                return Role.AGENT;
            }
            if (by instanceof UsagerPrincipal u
                    && usager != null
                    && representations.mayActFor(tenant, u.usager(), usager, clock.instant())) {
                return Role.USAGER;
            }
        }
        throw new AccessDeniedException(by.toString(), operation, "reservation of", r.id().value());
    }

    private static TrailEntry entry(
            Reservation r, String action, ActorRef actor, @Nullable ReservationStatus from, @Nullable String detail) {
        return new TrailEntry(
                r.tenant(),
                r.id().value(),
                action,
                actor,
                r.updatedAt(),
                from == null ? null : from.name(),
                r.status().name(),
                detail);
    }
}
