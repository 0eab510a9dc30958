package org.opengru.scheduling.registration;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.opengru.core.error.AccessDeniedException;
import org.opengru.core.error.ConcurrentUpdateException;
import org.opengru.core.error.NotFoundException;
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
import org.opengru.scheduling.registration.RegistrationRejectedException.Reason;
import org.opengru.scheduling.registration.internal.Places;

/**
 * Registers participants to event sessions: the store gives a place or a place on the waiting list, never
 * more places than the capacity, and the next person waiting gets a freed place in the same change.
 * Registrations move only through {@link RegistrationLifecycle#TABLE}. Who acts: the participant, whoever
 * may act for them ({@link Representations}: a parent of the household for a child, a mandate), an agent
 * of the session's teams, or the collectivité's system (payments, hold reaper). Thread-safe.
 */
public final class RegistrationService {

    private final RegistrationStore store;
    private final Representations representations;
    private final Clock clock;
    private final IdGenerator ids;
    private final DomainEventPublisher events;

    /**
     * A service over these parts.
     *
     * @param store the sessions and registrations
     * @param representations who may act for whom (parents of a household, mandates)
     * @param clock the one clock: deadlines, holds, trail
     * @param ids the generator of registration ids
     */
    public RegistrationService(RegistrationStore store, Representations representations, Clock clock, IdGenerator ids) {
        this(store, representations, clock, ids, DomainEventPublisher.none());
    }

    /**
     * A service that publishes each change's {@link RegistrationEvent} (a place offered from the waiting list
     * included) to in-process listeners once it is stored; the PostgreSQL store built with subscribers writes
     * the same events, with the same ids, to gru-core's outbox for the webhooks.
     *
     * @param store the sessions and registrations
     * @param representations who may act for whom (parents of a household, mandates)
     * @param clock the one clock: deadlines, holds, trail
     * @param ids the generator of registration ids
     * @param events where the registration events go once stored (gru-core's {@code DomainEvents})
     */
    public RegistrationService(
            RegistrationStore store,
            Representations representations,
            Clock clock,
            IdGenerator ids,
            DomainEventPublisher events) {
        this.events = Objects.requireNonNull(events, "events");
        this.store = Objects.requireNonNull(store, "store");
        this.representations = Objects.requireNonNull(representations, "representations");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ids = Objects.requireNonNull(ids, "ids");
    }

    /**
     * The store, for the RGPD export and for tests.
     *
     * @return the store given at construction
     */
    public RegistrationStore store() {
        return store;
    }

    /**
     * Declares or changes a session (the host's configuration, or an agent's back office); returns the
     * registrations promoted into new places when the capacity grew. Declaring the same session again is
     * harmless.
     *
     * @param session the session
     * @return the registrations promoted, in order, empty when none
     * @throws org.opengru.core.error.ValidationException when the capacity is below the places already taken
     */
    public List<Registration> declare(EventSession session) {
        return promoted(store.saveSession(session, clock.instant()));
    }

    /**
     * A session of the collectivité.
     *
     * @param tenant the collectivité
     * @param id the session's code
     * @return the session
     * @throws RegistrationRejectedException {@code UNKNOWN_SESSION} when the collectivité has no such session
     */
    public EventSession session(TenantId tenant, SessionId id) {
        return store.findSession(tenant, id)
                .orElseThrow(() -> new RegistrationRejectedException(
                        Reason.UNKNOWN_SESSION, "session", id, "is not a session of " + tenant));
    }

    /**
     * Registers {@code participant}: with a place if one is free (awaiting payment when it has a price),
     * else on the waiting list. By the participant, whoever acts for them (a parent for a child of their
     * household), or an agent of the session's teams; until the session starts.
     *
     * @param by who registers
     * @param sessionId the session
     * @param participant the usager who will take part
     * @return the registration, CONFIRMED, AWAITING_PAYMENT or WAITING
     * @throws RegistrationRejectedException {@code UNKNOWN_SESSION}, {@code REGISTRATION_CLOSED} (started),
     *     {@code PERSON_LIMIT} or {@code ALREADY_REGISTERED}: nothing written
     * @throws AccessDeniedException when {@code by} may not act for the participant
     */
    public Registration register(Principal by, SessionId sessionId, UsagerId participant) {
        EventSession session = session(by.tenant(), sessionId);
        checkActsFor(by, participant, session, "register");
        Instant now = clock.instant();
        if (!now.isBefore(session.startsAt())) {
            throw new RegistrationRejectedException(
                    Reason.REGISTRATION_CLOSED, "session", sessionId, "started at " + session.startsAt());
        }
        Registration candidate = new Registration(
                new RegistrationId(ids.nextUuid()),
                session.tenant(),
                session.id(),
                session.event(),
                participant,
                by instanceof UsagerPrincipal u ? u.usager() : null,
                RegistrationStatus.WAITING,
                session.priceCents(),
                null,
                null,
                0,
                0,
                now,
                now);
        RegistrationStore.Outcome outcome = store.register(candidate, by.ref());
        if (outcome instanceof RegistrationStore.Outcome.Registered r) {
            return told(r.registration(), Places.registered(r.registration(), by.ref()));
        }
        if (outcome instanceof RegistrationStore.Outcome.PersonLimitReached limit) {
            throw new RegistrationRejectedException(
                    Reason.PERSON_LIMIT,
                    "participant",
                    participant,
                    "already has " + limit.limit() + " registrations for " + session.event());
        }
        throw new RegistrationRejectedException(
                Reason.ALREADY_REGISTERED,
                "participant",
                participant,
                "is already registered to " + sessionId + " ("
                        + ((RegistrationStore.Outcome.AlreadyRegistered) outcome).existing() + ")");
    }

    /**
     * Cancels until the session's deadline (a place on the waiting list, at any time); a paid place goes to
     * REFUND_DUE. The place freed goes to the first person waiting.
     *
     * @param by the participant, whoever acts for them, or an agent of the session's teams
     * @param id the registration
     * @return the registration, CANCELLED or REFUND_DUE
     * @throws org.opengru.core.error.NotFoundException when the registration is unknown in the collectivité
     * @throws AccessDeniedException when {@code by} may not act for the participant
     * @throws org.opengru.core.error.IllegalTransitionException when the table has no such move from the
     *     registration's state for that role (past the deadline, already cancelled...)
     * @throws ConcurrentUpdateException when another node changed the registration meanwhile: read it again
     */
    public Registration cancel(Principal by, RegistrationId id) {
        return move(by, id, RegistrationAction.CANCEL, null);
    }

    /**
     * The comptable public made the refund: an agent records it with its reference.
     *
     * @param agent an agent of the session's teams
     * @param id the registration
     * @param refundReference the refund's reference, up to 200 characters
     * @return the registration, REFUNDED
     * @throws org.opengru.core.error.ValidationException when the reference is blank or too long
     * @throws org.opengru.core.error.NotFoundException when the registration is unknown in the collectivité
     * @throws AccessDeniedException when {@code by} may not act for the participant
     * @throws org.opengru.core.error.IllegalTransitionException when the table has no such move from the
     *     registration's state for that role (past the deadline, already cancelled...)
     * @throws ConcurrentUpdateException when another node changed the registration meanwhile: read it again
     */
    public Registration recordRefund(AgentPrincipal agent, RegistrationId id, String refundReference) {
        return move(agent, id, RegistrationAction.RECORD_REFUND, Check.text("refundReference", refundReference, 200));
    }

    /**
     * A payment was received (called by the payment wiring once the provider confirmed it). Idempotent on
     * the reference; after the hold, confirmed if a place is free, else REFUND_DUE; after a cancellation,
     * REFUND_DUE; a second payment with another reference is recorded in the trail as to be refunded. Safe
     * to call again after a timeout and from several nodes at once.
     *
     * @param tenant the collectivité
     * @param id the registration
     * @param paymentReference the provider's reference of the payment
     * @return what became of the payment
     * @throws org.opengru.core.error.ValidationException when the reference is malformed
     * @throws org.opengru.core.error.NotFoundException when the registration is unknown in the collectivité
     */
    public PaymentOutcome confirmPayment(TenantId tenant, RegistrationId id, String paymentReference) {
        PaymentReference ref = PaymentReference.of(paymentReference);
        SystemPrincipal payments = Principal.system(tenant, "payments");
        while (true) {
            Registration current = find(tenant, id);
            Instant now = clock.instant();
            if (ref.value().equals(current.paymentReference())) {
                return PaymentOutcome.ALREADY_RECORDED;
            }
            if (current.paid()) {
                Registration same =
                        current.next(current.status(), current.holdExpiresAt(), current.paymentReference(), now);
                TrailEntry dup = entry(same, "duplicate_payment_refund_due", payments.ref(), current, ref.value());
                if (store.update(current, same, dup) instanceof UpdateResult.Updated<Registration> u) {
                    told(u, dup);
                    return PaymentOutcome.REFUND_DUE;
                }
                continue;
            }
            for (boolean placeFree : new boolean[] {true, false}) {
                Transition<RegistrationStatus, RegistrationAction> t = RegistrationLifecycle.TABLE.move(
                        id.toString(),
                        current.status(),
                        RegistrationAction.CONFIRM_PAYMENT,
                        Role.SYSTEM,
                        payments.toString(),
                        g -> placeFree ? holds(g, current, now) : g == Guard.PLACE_TAKEN);
                Registration next = current.next(t.to(), null, ref.value(), now);
                TrailEntry paid = entry(next, "confirm_payment", payments.ref(), current, ref.value());
                UpdateResult<Registration> r = store.update(current, next, paid);
                if (r instanceof UpdateResult.Updated<Registration> u) {
                    told(u, paid);
                    return t.to() == RegistrationStatus.REFUND_DUE
                            ? PaymentOutcome.REFUND_DUE
                            : current.status() == RegistrationStatus.EXPIRED
                                    ? PaymentOutcome.ACCEPTED_LATE
                                    : PaymentOutcome.ACCEPTED;
                }
                if (r instanceof UpdateResult.Stale<Registration>) {
                    break; // changed meanwhile: read again
                }
            }
        }
    }

    /**
     * Expires the payment holds that ran out, each place going to the next person waiting; run it
     * periodically. Several nodes may run it at once: a registration changed by another is left to it.
     *
     * @param tenant the collectivité
     * @return the registrations expired by this call
     */
    public List<Registration> expireHolds(TenantId tenant) {
        List<Registration> expired = new ArrayList<>();
        Instant now = clock.instant();
        ActorRef reaper = new ActorRef(ActorKind.SYSTEM, "hold-reaper");
        for (Registration r : store.overdueHolds(tenant, now)) {
            Registration next = r.next(RegistrationStatus.EXPIRED, null, null, now);
            TrailEntry lapsed = entry(next, "expire_hold", reaper, r, null);
            if (store.update(r, next, lapsed) instanceof UpdateResult.Updated<Registration> u) {
                expired.add(told(u, lapsed));
            }
        }
        return expired;
    }

    private Registration move(Principal by, RegistrationId id, RegistrationAction action, @Nullable String detail) {
        Registration current = find(by.tenant(), id);
        EventSession session = session(current.tenant(), current.session());
        Role role =
                checkActsFor(by, current.participant(), session, action.name().toLowerCase(Locale.ROOT));
        Instant now = clock.instant();
        Transition<RegistrationStatus, RegistrationAction> t = RegistrationLifecycle.TABLE.move(
                id.toString(), current.status(), action, role, by.toString(), g -> switch (g) {
                    case BEFORE_DEADLINE -> now.isBefore(session.cancelUntil());
                    case BEFORE_DEADLINE_PAID -> now.isBefore(session.cancelUntil()) && current.paid();
                    case BEFORE_DEADLINE_UNPAID -> now.isBefore(session.cancelUntil()) && !current.paid();
                    default -> holds(g, current, now);
                });
        Registration next = current.next(t.to(), null, current.paymentReference(), now);
        TrailEntry moved = entry(next, action.name().toLowerCase(Locale.ROOT), by.ref(), current, detail);
        UpdateResult<Registration> r = store.update(current, next, moved);
        if (r instanceof UpdateResult.Updated<Registration> u) {
            return told(u, moved);
        }
        throw new ConcurrentUpdateException("registration", id.toString(), current.version(), -1);
    }

    /** Publishes the change's event, then those of the people it promoted, once the store wrote them. */
    private Registration told(UpdateResult.Updated<Registration> written, TrailEntry entry) {
        told(written.item(), entry);
        promoted(written.promoted());
        return written.item();
    }

    private Registration told(Registration written, TrailEntry entry) {
        RegistrationEvent.of(written, entry).ifPresent(e -> events.publish(List.of(e)));
        return written;
    }

    /** The offers (or places) given from the waiting list, told as the stores wrote them. */
    private List<Registration> promoted(List<Registration> promoted) {
        for (Registration p : promoted) {
            told(p, Places.promoted(p, p.updatedAt()));
        }
        return promoted;
    }

    private static boolean holds(Guard g, Registration r, Instant now) {
        return switch (g) {
            case ALWAYS, PLACE_FREE -> true; // PLACE_FREE: the store decides
            case PAYMENT_DUE -> r.priceCents() > 0;
            case NOTHING_DUE -> r.priceCents() == 0;
            case HOLD_OVER -> r.holdExpiresAt() != null && !r.holdExpiresAt().isAfter(now);
            default -> false;
        };
    }

    /**
     * A registration, without access check (for the system: payments, reaper).
     *
     * @param tenant the collectivité
     * @param id the registration
     * @return the registration
     * @throws org.opengru.core.error.NotFoundException when the collectivité has no such registration
     */
    public Registration find(TenantId tenant, RegistrationId id) {
        return store.find(tenant, id).orElseThrow(() -> new NotFoundException("registration", id.toString()));
    }

    /**
     * The registration, for whoever may act on it ({@link AccessDeniedException} for anyone else).
     *
     * @param by who reads
     * @param id the registration
     * @return the registration
     * @throws org.opengru.core.error.NotFoundException when the collectivité has no such registration
     * @throws AccessDeniedException when {@code by} may not act for the participant
     */
    public Registration find(Principal by, RegistrationId id) {
        Registration r = find(by.tenant(), id);
        checkActsFor(by, r.participant(), session(r.tenant(), r.session()), "read");
        return r;
    }

    /**
     * The registrations of a session in waiting-list order, for an agent of its teams.
     *
     * @param agent an agent of the session's teams
     * @param id the session
     * @return every registration of the session
     * @throws RegistrationRejectedException {@code UNKNOWN_SESSION} when the collectivité has no such session
     * @throws AccessDeniedException when the agent is not of the session's teams
     */
    public List<Registration> registrations(AgentPrincipal agent, SessionId id) {
        EventSession session = session(agent.tenant(), id);
        checkActsFor(agent, null, session, "list the registrations of");
        return store.ofSession(agent.tenant(), id);
    }

    /**
     * The trail of a registration: every move, oldest first.
     *
     * @param tenant the collectivité
     * @param id the registration
     * @return the entries, empty when unknown
     */
    public List<TrailEntry> trail(TenantId tenant, RegistrationId id) {
        return store.trail(tenant, id);
    }

    /**
     * Erasure (RGPD art. 17): the usager's active registrations as participant are cancelled in their name
     * where the table allows it (each freed place goes to the next person), then every inactive one is
     * detached. Running it again detaches what has become inactive since.
     *
     * @param tenant the collectivité
     * @param usager the usager erased
     * @return how many registrations were detached
     */
    public int eraseUsager(TenantId tenant, UsagerId usager) {
        for (Registration r : store.ofUsager(tenant, usager)) {
            if (r.status().active() && r.participant().equals(usager)) {
                try {
                    cancel(Principal.usager(tenant, usager), r.id());
                } catch (org.opengru.core.error.IllegalTransitionException pastTheDeadline) {
                    // Kept as it is: the session is under way or past the deadline; detached once over.
                }
            }
        }
        return store.detachUsager(tenant, usager);
    }

    /** The one rule of who acts: the participant or whoever acts for them, an agent of the teams, the system. */
    private Role checkActsFor(Principal by, @Nullable UsagerId participant, EventSession session, String operation) {
        if (by.tenant().equals(session.tenant())) {
            if (by instanceof SystemPrincipal) {
                return Role.SYSTEM;
            }
            if (by instanceof AgentPrincipal a && session.teams().stream().anyMatch(a::memberOf)) {
                return Role.AGENT;
            }
            if (by instanceof UsagerPrincipal u
                    && participant != null
                    && representations.mayActFor(session.tenant(), u.usager(), participant, clock.instant())) {
                return Role.USAGER;
            }
        }
        throw new AccessDeniedException(
                by.toString(), operation, "registration to", session.id().value());
    }

    private static TrailEntry entry(
            Registration next, String action, ActorRef actor, Registration previous, @Nullable String detail) {
        return new TrailEntry(
                next.tenant(),
                next.id().value(),
                action,
                actor,
                next.updatedAt(),
                previous.status().name(),
                next.status().name(),
                detail);
    }
}
