package org.opengru.scheduling.booking;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.opengru.core.error.AccessDeniedException;
import org.opengru.core.error.ConcurrentUpdateException;
import org.opengru.core.error.IdempotencyConflictException;
import org.opengru.core.error.IllegalTransitionException;
import org.opengru.core.error.NotFoundException;
import org.opengru.core.error.ValidationException;
import org.opengru.core.event.DomainEventPublisher;
import org.opengru.core.id.IdGenerator;
import org.opengru.core.id.UsagerId;
import org.opengru.core.idempotency.IdempotencyKey;
import org.opengru.core.principal.ActorKind;
import org.opengru.core.principal.ActorRef;
import org.opengru.core.principal.AgentPrincipal;
import org.opengru.core.principal.Principal;
import org.opengru.core.principal.SystemPrincipal;
import org.opengru.core.principal.UsagerPrincipal;
import org.opengru.core.tenancy.TenantId;
import org.opengru.scheduling.availability.AvailabilityCalculator;
import org.opengru.scheduling.availability.BusyTimes;
import org.opengru.scheduling.availability.Slot;
import org.opengru.scheduling.booking.BookingRejectedException.Reason;
import org.opengru.scheduling.hours.Interval;
import org.opengru.scheduling.hours.OpeningHours;
import org.opengru.scheduling.model.AntsPreApplicationNumber;
import org.opengru.scheduling.model.BookingAudience;
import org.opengru.scheduling.model.Resource;
import org.opengru.scheduling.model.ResourceId;
import org.opengru.scheduling.model.Service;
import org.opengru.scheduling.model.ServiceId;
import org.opengru.scheduling.model.SiteId;

/**
 * Books, holds, cancels and reschedules appointments. Checks everything a store cannot (opening hours,
 * holidays, notice, horizon, slot grid, audience, ANTS number, rate and no-show limits) before anything is
 * written; the store then takes the desk atomically. Publishes events only after the store returned.
 * Instance-scoped and thread-safe.
 */
public final class BookingService {

    /** How long a waiting-list entry stays claimed by a node offering it a slot, should that node die. */
    private static final Duration OFFER_CLAIM = Duration.ofMinutes(1);

    private final BookingStore store;
    private final SiteDirectory sites;
    private final BookingPolicy policy;
    private final Clock clock;
    private final IdGenerator ids;
    private final RateLimiter rateLimiter;
    private final DomainEventPublisher publisher;
    private final SecureRandom random = new SecureRandom();
    private final WaitingListStore waitingList;

    /**
     * With the waiting list of this JVM ({@link WaitingListStore#inMemory()}): for one node.
     *
     * @param store the bookings
     * @param sites the sites and their setups
     * @param policy holds, reminders, no-show limit
     * @param clock now
     * @param ids the ids of bookings and events
     * @param rateLimiter limits the attempts of each usager
     * @param publisher where booking events go
     */
    public BookingService(
            BookingStore store,
            SiteDirectory sites,
            BookingPolicy policy,
            Clock clock,
            IdGenerator ids,
            RateLimiter rateLimiter,
            DomainEventPublisher publisher) {
        this(store, sites, policy, clock, ids, rateLimiter, WaitingListStore.inMemory(), publisher);
    }

    /**
     * With a waiting list that may be shared by several nodes ({@code PostgresWaitingListStore}), so that
     * a slot freed on any node, or after a restart, goes to the next person.
     *
     * @param store the bookings
     * @param sites the sites and their setups
     * @param policy holds, reminders, no-show limit
     * @param clock now
     * @param ids the ids of bookings and events
     * @param rateLimiter limits the attempts of each usager
     * @param waitingList the waiting lists
     * @param publisher where booking events go
     */
    public BookingService(
            BookingStore store,
            SiteDirectory sites,
            BookingPolicy policy,
            Clock clock,
            IdGenerator ids,
            RateLimiter rateLimiter,
            WaitingListStore waitingList,
            DomainEventPublisher publisher) {
        this.waitingList = Objects.requireNonNull(waitingList, "waitingList");
        this.store = Objects.requireNonNull(store, "store");
        this.sites = Objects.requireNonNull(sites, "sites");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.rateLimiter = Objects.requireNonNull(rateLimiter, "rateLimiter");
        this.publisher = Objects.requireNonNull(publisher, "publisher");
    }

    /**
     * The bookings.
     *
     * @return the store
     */
    public BookingStore store() {
        return store;
    }

    /**
     * The clock of every check.
     *
     * @return the clock
     */
    public Clock clock() {
        return clock;
    }

    // ---------------------------------------------------------------- availability

    /**
     * Free slots of a service at a site for local dates {@code from} to {@code to} inclusive.
     *
     * @param tenant the collectivité
     * @param site the site
     * @param service the service (motif)
     * @param from the first local date
     * @param to the last local date, inclusive
     * @param people how many people come together
     * @return the free slots, sorted by start
     * @throws BookingRejectedException when the site or service is unknown, or too many people
     */
    public List<Slot> availability(
            TenantId tenant, SiteId site, ServiceId service, LocalDate from, LocalDate to, int people) {
        SiteSetup setup = setup(tenant, site);
        Service svc = service(setup, service);
        return setup.calculator(clock).freeSlots(svc, from, to, people, busyTimes(setup, svc, from, to));
    }

    /** Reads the busy time of every desk of the service in one query, then serves the calculator from it. */
    private BusyTimes busyTimes(SiteSetup setup, Service service, LocalDate from, LocalDate to) {
        Instant now = clock.instant();
        ZoneId zone = setup.site().zone();
        List<ResourceId> desks = new ArrayList<>();
        for (Resource r : setup.calculator(clock).desksFor(service)) {
            desks.add(r.id());
        }
        Map<ResourceId, List<Interval>> busy = store.busy(
                setup.site().tenant(),
                desks,
                // The calculator's spans: from the day before to two days after (buffers included).
                from.minusDays(1).atStartOfDay(zone).toInstant(),
                to.plusDays(3).atStartOfDay(zone).toInstant(),
                now);
        return (desk, f, t) -> busy.getOrDefault(desk, List.of());
    }

    // ---------------------------------------------------------------- booking

    /**
     * Books a slot at once.
     *
     * @param request the request
     * @return the booking, or the slot taken with alternatives. Idempotent with the request's key
     * @throws BookingRejectedException naming why the request can never succeed (nothing written)
     */
    public BookingResult book(BookingRequest request) {
        return take(request, BookingStatus.BOOKED, true);
    }

    /**
     * Books a paying appointment whose payment came after its hold expired, if the slot is still free
     * ({@link BookingPayments}): no rate limit, since the person already paid.
     */
    BookingResult bookPaid(BookingRequest request) {
        return take(request, BookingStatus.BOOKED, false, true);
    }

    /**
     * Holds a slot for {@link BookingPolicy#holdDuration()} while the resident fills the form; one person
     * keeps at most the service's {@link Service#maxHolds()} at once ({@code HOLD_LIMIT} beyond).
     *
     * @param request the request
     * @return the hold, or the slot taken with alternatives
     * @throws BookingRejectedException naming why the request can never succeed ({@code HOLD_LIMIT}...)
     */
    public BookingResult hold(BookingRequest request) {
        return take(request, BookingStatus.HELD, true);
    }

    private BookingResult take(BookingRequest request, BookingStatus status, boolean limited) {
        return take(request, status, limited, false);
    }

    private BookingResult take(BookingRequest request, BookingStatus status, boolean limited, boolean paid) {
        checkTakes(request);
        Instant now = clock.instant();
        SiteSetup setup = setup(request.tenant(), request.site());
        Service service = service(setup, request.service());
        if (service.paying() && status == BookingStatus.BOOKED && !paid && request.actor() instanceof UsagerPrincipal) {
            // Online, a paying appointment is held until paid; at the counter an agent books it (paid there).
            throw new ValidationException(
                    "service", service.id(), "is paid online: hold it until paid with BookingPayments.holdForPayment");
        }
        Plan plan = plan(setup, service, request, now, null);
        // Scoped to who asks: nobody replays or blocks another person's booking with the same key.
        @Nullable
        IdempotencyKey key = request.idempotencyKey() == null
                ? null
                : request.idempotencyKey().scopedTo(request.actor().ref(), "booking." + status);
        if (key != null) {
            Optional<Booking> previous = store.findByIdempotencyKey(request.tenant(), key);
            if (previous.isPresent()) {
                return replay(previous.get(), request);
            }
        }
        if (limited && !rateLimiter.tryAcquire(request.tenant() + "|" + request.usager(), now)) {
            throw new BookingRejectedException(
                    Reason.RATE_LIMITED, "usager", request.usager(), "too many booking attempts, try again later");
        }
        if (policy.maxNoShows() > 0 && request.actor() instanceof UsagerPrincipal) {
            int noShows = store.noShowCount(request.tenant(), request.usager());
            if (noShows >= policy.maxNoShows()) {
                throw new BookingRejectedException(
                        Reason.NO_SHOW_LIMIT,
                        "usager",
                        request.usager(),
                        noShows + " missed appointments: book at the counter");
            }
        }
        String token = newToken();
        NewBooking nb = new NewBooking(
                new BookingId(ids.nextUuid()),
                request.tenant(),
                request.site(),
                request.service(),
                plan.desks,
                request.usager(),
                request.people(),
                plan.appointment.start(),
                plan.appointment.end(),
                plan.busy.start(),
                plan.busy.end(),
                status,
                status == BookingStatus.HELD ? now.plus(policy.holdDuration()) : null,
                plan.ants,
                key,
                hash(token),
                service.maxHolds());
        Change change = new Change(request.actor().ref(), now, ids.newEventId(), null);
        InsertOutcome outcome = store.insert(nb, change);
        if (outcome instanceof InsertOutcome.Inserted ins) {
            publish(
                    ins.booking(),
                    change,
                    status == BookingStatus.HELD ? BookingEvent.Kind.HELD : BookingEvent.Kind.BOOKED);
            return new BookingResult.Booked(ins.booking(), token, false);
        }
        if (outcome instanceof InsertOutcome.Replayed rep) {
            return replay(rep.booking(), request);
        }
        if (outcome instanceof InsertOutcome.ActiveBookingExists active) {
            throw new BookingRejectedException(
                    Reason.ACTIVE_BOOKING_EXISTS,
                    "usager",
                    request.usager(),
                    "already has booking " + active.existing() + " for service " + request.service());
        }
        if (outcome instanceof InsertOutcome.HoldLimitReached limit) {
            throw holdLimit(request, limit);
        }
        return unavailable(setup, service, request.start(), request.people());
    }

    private static BookingRejectedException holdLimit(BookingRequest request, InsertOutcome.HoldLimitReached limit) {
        return new BookingRejectedException(
                Reason.HOLD_LIMIT,
                "usager",
                request.usager(),
                "already holds " + limit.limit() + " slots for service " + request.service()
                        + ": confirm or release one first");
    }

    private BookingResult replay(Booking previous, BookingRequest request) {
        if (!previous.usager().equals(request.usager())
                || !previous.service().equals(request.service())
                || !previous.start().equals(request.start())) {
            throw new IdempotencyConflictException(String.valueOf(request.idempotencyKey()));
        }
        return new BookingResult.Booked(previous, null, true);
    }

    /**
     * Confirms a hold into a booking, if it has not expired.
     *
     * @param by the usager or agent who confirms
     * @param id the hold
     * @return the booking
     * @throws BookingRejectedException {@code HOLD_EXPIRED} when it ran out
     */
    public Booking confirmHold(Principal by, BookingId id) {
        TenantId tenant = by.tenant();
        Booking held = find(tenant, id);
        checkActs(by, held, "confirm");
        if (service(setup(tenant, held.site()), held.service()).paying()) {
            throw new IllegalTransitionException(
                    "booking",
                    id.toString(),
                    held.status().name(),
                    BookingAction.CONFIRM_HOLD.name(),
                    by.toString(),
                    "a paying appointment is confirmed by its payment");
        }
        return confirmed(by.ref(), held);
    }

    /** Confirms a paying appointment's hold once paid ({@link BookingPayments}), if it has not expired. */
    Booking confirmPaid(BookingId id, TenantId tenant, ActorRef payments) {
        return confirmed(payments, find(tenant, id));
    }

    private Booking confirmed(ActorRef by, Booking held) {
        TenantId tenant = held.tenant();
        BookingId id = held.id();
        Instant now = clock.instant();
        if (held.status() != BookingStatus.HELD || !held.occupiesDeskAt(now)) {
            throw BookingRejectedException.holdExpired(held);
        }
        Booking booked = applyAndPublish(tenant, id, BookingStatus.HELD, BookingAction.CONFIRM_HOLD, change(by, null));
        waitingList.accepted(tenant, id);
        return booked;
    }

    /**
     * Cancels with the secret token of the confirmation link: no login needed.
     *
     * @param tenant the collectivité
     * @param id the booking
     * @param token the link's secret
     * @return the cancelled booking
     * @throws BookingRejectedException {@code INVALID_CANCEL_TOKEN} when the secret does not match
     */
    public Booking cancelByUsager(TenantId tenant, BookingId id, String token) {
        Booking b = find(tenant, id);
        if (!tokenMatches(b, token)) {
            throw new BookingRejectedException(
                    Reason.INVALID_CANCEL_TOKEN, "token", "<redacted>", "does not match booking " + id);
        }
        return cancelledByUsager(tenant, b);
    }

    /**
     * The booking a cancellation link names, when its secret matches (to show what the link would cancel
     * before the resident confirms); empty alike for an unknown booking and for a wrong secret, so that a
     * guessed link reveals nothing.
     *
     * @param tenant the collectivité
     * @param id the booking
     * @param token the link's secret, or {@code null}
     * @return the booking, or empty
     */
    public Optional<Booking> findByCancelToken(TenantId tenant, BookingId id, @Nullable String token) {
        return store.find(tenant, id).filter(b -> tokenMatches(b, token));
    }

    private static boolean tokenMatches(Booking b, @Nullable String token) {
        return token != null
                && MessageDigest.isEqual(
                        hash(token).getBytes(StandardCharsets.US_ASCII),
                        b.cancelTokenHash().getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * Cancels for the signed-in resident whose appointment it is (their space), where the link's token is
     * not at hand; anyone else is refused with {@link AccessDeniedException} and nothing changes.
     *
     * @param owner the signed-in resident
     * @param id the booking
     * @return the cancelled booking
     */
    public Booking cancelByOwner(UsagerPrincipal owner, BookingId id) {
        Booking b = find(owner.tenant(), id);
        checkActs(owner, b, "cancel");
        return cancelledByUsager(b.tenant(), b);
    }

    private Booking cancelledByUsager(TenantId tenant, Booking b) {
        Booking cancelled = applyAndPublish(
                tenant,
                b.id(),
                BookingStatus.BOOKED,
                BookingAction.CANCEL_BY_USAGER,
                change(usagerRef(b.usager()), null));
        offerFreedSlot(cancelled);
        return cancelled;
    }

    /**
     * Cancels on the agent's side (absence, closure), with a reason the resident will read. The agent must
     * belong to one of the site's teams ({@link SiteSetup#teams()}).
     *
     * @param agent the agent
     * @param id the booking
     * @param reason the reason the resident reads
     * @return the cancelled booking
     * @throws AccessDeniedException when the agent is not in one of the site's teams
     */
    public Booking cancelByAgent(AgentPrincipal agent, BookingId id, String reason) {
        Booking b = find(agent.tenant(), id);
        checkActs(agent, b, "cancel");
        if (reason == null || reason.isBlank()) {
            throw new ValidationException("reason", reason, "must say why the appointment is cancelled");
        }
        Booking cancelled = applyAndPublish(
                b.tenant(),
                id,
                BookingStatus.BOOKED,
                BookingAction.CANCEL_BY_AGENT,
                change(agent.ref(), reason.strip()));
        offerFreedSlot(cancelled);
        return cancelled;
    }

    /**
     * Erasure of an usager's appointments (RGPD art. 17; see {@code SchedulingSubjectData}): they leave
     * every waiting list (a pending offer is released to the next person), their appointments still ahead
     * are cancelled in their name and their holds released (each slot goes to the waiting list), then every
     * booking of theirs is detached from them ({@link BookingStore#anonymiseUsager}). Returns how many
     * bookings were detached.
     *
     * @param tenant the collectivité
     * @param usager the erased usager
     * @return how many bookings were detached
     */
    public int eraseUsager(TenantId tenant, UsagerId usager) {
        for (WaitingListStore.Entry e : waitingList.entriesOf(tenant, usager)) {
            leave(tenant, e.site(), e.service(), usager);
        }
        Instant now = clock.instant();
        for (Booking b : store.ofUsager(tenant, usager)) {
            if (b.status() == BookingStatus.BOOKED && b.start().isAfter(now)) {
                cancelledByUsager(tenant, b);
            } else if (b.status() == BookingStatus.HELD) {
                offerFreedSlot(applyAndPublish(
                        tenant,
                        b.id(),
                        BookingStatus.HELD,
                        BookingAction.RELEASE_HOLD,
                        change(usagerRef(usager), null)));
            }
        }
        return store.anonymiseUsager(tenant, usager, clock.instant());
    }

    /**
     * The usager's places on waiting lists, at every site and service.
     *
     * @param tenant the collectivité
     * @param usager the usager
     * @return the entries, possibly none
     */
    public List<WaitingListStore.Entry> waitingListsOf(TenantId tenant, UsagerId usager) {
        return waitingList.entriesOf(tenant, usager);
    }

    /**
     * The sites and their setups this service books for.
     *
     * @return the directory
     */
    public SiteDirectory sites() {
        return sites;
    }

    /**
     * The resident came. By an agent of one of the site's teams, once the appointment has started ({@link
     * IllegalTransitionException} before).
     *
     * @param agent the agent
     * @param id the booking
     * @return the booking, attended
     */
    public Booking markAttended(AgentPrincipal agent, BookingId id) {
        return markPresence(agent, id, BookingAction.MARK_ATTENDED);
    }

    /**
     * The resident did not come; counts towards {@link BookingPolicy#maxNoShows()}. By an agent of one of
     * the site's teams, once the appointment has started ({@link IllegalTransitionException} before).
     *
     * @param agent the agent
     * @param id the booking
     * @return the booking, no-show
     */
    public Booking markNoShow(AgentPrincipal agent, BookingId id) {
        return markPresence(agent, id, BookingAction.MARK_NO_SHOW);
    }

    private Booking markPresence(AgentPrincipal agent, BookingId id, BookingAction action) {
        Booking b = find(agent.tenant(), id);
        checkActs(agent, b, action == BookingAction.MARK_ATTENDED ? "mark attended" : "mark absent");
        if (b.start().isAfter(clock.instant())) {
            throw new IllegalTransitionException(
                    "booking",
                    id.toString(),
                    b.status().name(),
                    action.name(),
                    agent.toString(),
                    "the appointment has not started yet");
        }
        return applyAndPublish(b.tenant(), id, BookingStatus.BOOKED, action, change(agent.ref(), null));
    }

    /**
     * The appointments of a site starting within {@code [from, to)}, for an agent of one of its teams
     * ({@link AccessDeniedException} for anyone else): an agent sees the appointments of his own sites only.
     *
     * @param agent the agent
     * @param site the site
     * @param from the start of the range
     * @param to the end of the range, exclusive
     * @return the bookings, in any status, sorted by start
     */
    public List<Booking> appointments(AgentPrincipal agent, SiteId site, Instant from, Instant to) {
        SiteSetup setup = setup(agent.tenant(), site);
        if (!setup.handledBy(agent)) {
            throw new AccessDeniedException(agent.toString(), "list the appointments of", "site", site.value());
        }
        return store.startingBetween(agent.tenant(), from, to).stream()
                .filter(b -> b.site().equals(site))
                .toList();
    }

    /**
     * How many appointments the usager missed (no-show), which the no-show limit counts.
     *
     * @param tenant the collectivité
     * @param usager the usager
     * @return the count
     */
    public int noShowCount(TenantId tenant, UsagerId usager) {
        return store.noShowCount(tenant, usager);
    }

    /**
     * Moves a booked appointment to {@code newStart}, atomically: the new slot is taken before the old one
     * is freed, or nothing changes and the nearest free slots are offered. By the usager whose appointment
     * it is or an agent of one of the site's teams ({@link AccessDeniedException} for anyone else).
     *
     * @param by the usager or agent
     * @param id the booking
     * @param newStart the new start
     * @return the moved booking, or the slot taken with alternatives
     */
    public BookingResult reschedule(Principal by, BookingId id, Instant newStart) {
        TenantId tenant = by.tenant();
        Booking b = find(tenant, id);
        checkActs(by, b, "reschedule");
        ActorRef actor = by.ref();
        if (b.status() != BookingStatus.BOOKED) {
            BookingLifecycle.require(id, b.status(), BookingAction.RESCHEDULE, actor.toString());
        }
        SiteSetup setup = setup(tenant, b.site());
        Service service = service(setup, b.service());
        BookingRequest request = new BookingRequest(
                tenant,
                b.site(),
                b.service(),
                newStart,
                b.people(),
                b.usager(),
                by,
                b.antsNumber() == null ? null : b.antsNumber().value(),
                null,
                b.resource());
        Plan plan = plan(setup, service, request, clock.instant(), b.resource());
        Change change = change(actor, null);
        InsertOutcome outcome = store.move(tenant, id, b.sequence(), plan.desks, plan.appointment, plan.busy, change);
        if (outcome instanceof InsertOutcome.Inserted ins) {
            publisher.publish(List.of(BookingEvent.moved(change.eventId(), ins.booking(), b.start(), change.at())));
            offerFreedSlot(b);
            return new BookingResult.Booked(ins.booking(), null, false);
        }
        return unavailable(setup, service, newStart, b.people());
    }

    /**
     * Expires the holds that ran out and settles the waiting-list offers, moving the list on: run it
     * periodically (the reaper). An offer is settled from its hold, however the hold ended: confirmed (the
     * person leaves the list), expired here, released, or expired in passing by a booking that needed its
     * desk (the person goes to the end of the list and the slot, if still free, goes to the next), or never
     * taken by a node that died after claiming the entry (the entry goes back to its place and the slot is
     * offered again).
     *
     * @param tenant the collectivité
     * @return the holds expired by this call
     */
    public List<Booking> expireHolds(TenantId tenant) {
        List<Booking> expired =
                store.expireHolds(tenant, clock.instant(), change(new ActorRef(ActorKind.SYSTEM, "hold-reaper"), null));
        for (Booking b : expired) {
            publishLast(b);
        }
        Set<BookingId> settled = settleOffers(tenant);
        for (Booking b : expired) {
            if (!settled.contains(b.id())) {
                offerFreedSlot(b); // a form hold, or an offer another node settles: the constraint arbitrates
            }
        }
        return expired;
    }

    /**
     * Releases a hold at the resident's request (they do not want the slot): the slot is free at once and,
     * for a waiting-list offer, goes to the next person while they go to the end of the list.
     *
     * @param by the usager or agent
     * @param id the hold
     * @return the released hold
     */
    public Booking releaseHold(Principal by, BookingId id) {
        TenantId tenant = by.tenant();
        Booking held = find(tenant, id);
        checkActs(by, held, "release");
        Booking released =
                applyAndPublish(tenant, id, BookingStatus.HELD, BookingAction.RELEASE_HOLD, change(by.ref(), null));
        waitingList.declined(tenant, id);
        offerFreedSlot(released);
        return released;
    }

    /**
     * The booking, with no check of who asks: for the host's own jobs and for links that carry their own
     * secret. Before showing it to someone, use {@link #find(Principal, BookingId)}.
     *
     * @param tenant the collectivité
     * @param id the booking
     * @return the booking
     * @throws NotFoundException when there is none
     */
    public Booking find(TenantId tenant, BookingId id) {
        return store.find(tenant, id).orElseThrow(() -> new NotFoundException("booking", id.toString()));
    }

    /**
     * The booking, for the usager whose appointment it is, an agent of one of the site's teams or the system
     * of its collectivité; {@link NotFoundException} when the actor's collectivité has no such booking,
     * {@link AccessDeniedException} for anyone else.
     *
     * @param actor who asks
     * @param id the booking
     * @return the booking
     */
    public Booking find(Principal actor, BookingId id) {
        Booking b = find(actor.tenant(), id);
        if (!(actor instanceof SystemPrincipal)) {
            checkActs(actor, b, "read");
        }
        return b;
    }

    /**
     * The one access rule of appointments: the usager whose appointment it is, or an agent of one of the
     * site's teams; never anyone of another collectivité (the booking was looked up in the actor's).
     */
    /** Who may take a slot for the request's usager: see {@link #checksFor}, or the collectivité's system. */
    private void checkTakes(BookingRequest request) {
        if (!(request.actor() instanceof SystemPrincipal system
                && system.tenant().equals(request.tenant()))) {
            checksFor(request.actor(), request.tenant(), request.usager(), request.site(), "book for");
        }
    }

    /** The usager themselves or an agent of one of the site's teams, in the collectivité. */
    private void checksFor(Principal actor, TenantId tenant, UsagerId usager, SiteId site, String operation) {
        if (!actsFor(actor, tenant, usager, site)) {
            throw new AccessDeniedException(actor.toString(), operation, "usager", usager.toString());
        }
    }

    private void checkActs(Principal actor, Booking b, String operation) {
        if (!actsFor(actor, b.tenant(), b.usager(), b.site())) {
            throw new AccessDeniedException(actor.toString(), operation, "booking", b.id().toString());
        }
    }

    /**
     * The one rule of who acts on a resident's appointments: themselves, or an agent of the site's teams (the
     * site is looked up for agents only, so a resident keeps their own appointment at a site since removed).
     */
    private boolean actsFor(Principal actor, TenantId tenant, UsagerId usager, SiteId site) {
        return actor.tenant().equals(tenant)
                && (actor instanceof UsagerPrincipal u
                        ? u.usager().equals(usager)
                        : actor instanceof AgentPrincipal a
                                && setup(tenant, site).handledBy(a));
    }

    // ---------------------------------------------------------------- waiting list

    /**
     * Puts the usager on the waiting list for a free slot starting between two local dates. By the usager
     * themselves or an agent of one of the site's teams ({@link AccessDeniedException} for anyone else).
     *
     * @param by the usager or agent
     * @param site the site
     * @param service the service (motif)
     * @param usager the usager who waits
     * @param from the first local date they accept
     * @param to the last local date they accept
     */
    public void joinWaitingList(
            Principal by, SiteId site, ServiceId service, UsagerId usager, LocalDate from, LocalDate to) {
        TenantId tenant = by.tenant();
        SiteSetup setup = setup(tenant, site);
        checksFor(by, tenant, usager, site, "put on the waiting list");
        service(setup, service);
        waitingList.join(new WaitingListStore.Entry(tenant, site, service, usager, from, to));
    }

    /**
     * Takes the usager off the waiting list; a slot held for them on it is released and goes to the next
     * person. By the usager themselves or an agent of one of the site's teams.
     *
     * @param by the usager or agent
     * @param site the site
     * @param service the service (motif)
     * @param usager the usager who leaves
     */
    public void leaveWaitingList(Principal by, SiteId site, ServiceId service, UsagerId usager) {
        TenantId tenant = by.tenant();
        setup(tenant, site); // a site of this collectivité
        checksFor(by, tenant, usager, site, "take off the waiting list");
        leave(tenant, site, service, usager);
    }

    private void leave(TenantId tenant, SiteId site, ServiceId service, UsagerId usager) {
        Optional<Booking> held = waitingList
                .leave(tenant, site, service, usager)
                .flatMap(hold -> store.find(tenant, hold))
                .filter(hold -> hold.status() == BookingStatus.HELD);
        if (held.isEmpty()) {
            return;
        }
        Booking released;
        try {
            released = applyAndPublish(
                    tenant,
                    held.get().id(),
                    BookingStatus.HELD,
                    BookingAction.RELEASE_HOLD,
                    change(usagerRef(usager), "left the waiting list"));
        } catch (IllegalTransitionException | ConcurrentUpdateException confirmedOrExpiredMeanwhile) {
            return;
        }
        offerFreedSlot(released);
    }

    /**
     * Who is waiting for a service, in order.
     *
     * @param tenant the collectivité
     * @param site the site
     * @param service the service (motif)
     * @return the usagers, first first
     */
    public List<UsagerId> waiting(TenantId tenant, SiteId site, ServiceId service) {
        return waitingList.waiting(tenant, site, service);
    }

    /** Holds the slot a booking freed for the first person waiting whose dates fit, other than its owner. */
    private void offerFreedSlot(Booking freed) {
        offerSlot(freed.tenant(), freed.site(), freed.service(), freed.start(), Set.of(freed.usager()));
    }

    /**
     * Holds a freed slot for the first person waiting whose dates fit. The entry is claimed in the list
     * under the id of the hold first, so that two nodes freeing slots at once never hold two slots for the
     * same person, and a node dying between the two steps leaves an offer {@link #settleOffers} reconciles.
     */
    private void offerSlot(TenantId tenant, SiteId site, ServiceId serviceId, Instant start, Set<UsagerId> owners) {
        SiteSetup setup = setup(tenant, site);
        WaitingListStore.FreedSlot slot = new WaitingListStore.FreedSlot(
                tenant,
                site,
                serviceId,
                start,
                start.atZone(setup.site().zone()).toLocalDate());
        Set<UsagerId> skip = new HashSet<>(owners);
        while (true) {
            BookingId hold = new BookingId(ids.nextUuid());
            Optional<WaitingListStore.Offer> claimed =
                    waitingList.claimNext(slot, skip, hold, clock.instant().plus(OFFER_CLAIM));
            if (claimed.isEmpty()) {
                return;
            }
            WaitingListStore.Offer offer = claimed.get();
            UsagerId usager = offer.entry().usager();
            if (hasAppointment(tenant, usager, serviceId)) {
                // Booked meanwhile: they could not confirm a second appointment, so their wait is over.
                waitingList.accepted(tenant, hold);
                continue;
            }
            BookingRequest request = new BookingRequest(
                    tenant,
                    site,
                    serviceId,
                    start,
                    1,
                    usager,
                    Principal.system(tenant, "waiting-list"),
                    null,
                    null,
                    null);
            BookingResult r;
            try {
                r = takeForWaitingList(request, hold);
            } catch (BookingRejectedException e) {
                // This person cannot take it (for example a missing ANTS number): try the next one.
                waitingList.release(offer);
                skip.add(usager);
                continue;
            }
            // Any other failure leaves the claim to lapse: the hold may have been written, settleOffers knows.
            if (r instanceof BookingResult.Booked) {
                waitingList.offered(offer);
            } else {
                waitingList.release(offer); // the slot went to someone else meanwhile
            }
            return;
        }
    }

    private boolean hasAppointment(TenantId tenant, UsagerId usager, ServiceId service) {
        return store.ofUsager(tenant, usager).stream()
                .anyMatch(b -> b.service().equals(service) && b.status() == BookingStatus.BOOKED);
    }

    /**
     * Settles every offer whose hold ended, from the hold's row (see {@link #expireHolds}); returns the
     * holds whose offers it settled as not taken up (and offered on).
     */
    private Set<BookingId> settleOffers(TenantId tenant) {
        Set<BookingId> declined = new HashSet<>();
        for (WaitingListStore.Offer offer : waitingList.offers(tenant)) {
            Instant now = clock.instant();
            Optional<Booking> hold = store.find(tenant, offer.hold());
            if (hold.isEmpty()) {
                Instant until = offer.claimedUntil();
                if (until != null && !until.isAfter(now) && waitingList.release(offer)) {
                    // The node making the offer died before the hold: make it again.
                    WaitingListStore.Entry e = offer.entry();
                    offerSlot(tenant, e.site(), e.service(), offer.slot(), Set.of());
                }
            } else if (hold.get().status() == BookingStatus.EXPIRED) {
                if (waitingList.declined(tenant, offer.hold())) {
                    declined.add(offer.hold());
                    offerFreedSlot(hold.get());
                }
            } else if (hold.get().status() != BookingStatus.HELD) {
                waitingList.accepted(tenant, offer.hold()); // confirmed, the node died before saying so
            }
        }
        return declined;
    }

    private BookingResult takeForWaitingList(BookingRequest request, BookingId hold) {
        Instant now = clock.instant();
        SiteSetup setup = setup(request.tenant(), request.site());
        Service service = service(setup, request.service());
        if (service.antsNumberRequired()) {
            throw new BookingRejectedException(Reason.ANTS_NUMBER_MISSING, "antsNumber", null, "asked at confirmation");
        }
        Plan plan = plan(setup, service, request, now, null);
        NewBooking nb = new NewBooking(
                hold,
                request.tenant(),
                request.site(),
                request.service(),
                plan.desks,
                request.usager(),
                1,
                plan.appointment.start(),
                plan.appointment.end(),
                plan.busy.start(),
                plan.busy.end(),
                BookingStatus.HELD,
                now.plus(policy.waitingListHold()),
                null,
                null,
                hash(newToken()),
                service.maxHolds());
        Change change = new Change(request.actor().ref(), now, ids.newEventId(), "waiting list offer");
        InsertOutcome outcome = store.insert(nb, change);
        if (outcome instanceof InsertOutcome.Inserted ins) {
            publish(ins.booking(), change, BookingEvent.Kind.HELD);
            return new BookingResult.Booked(ins.booking(), null, false);
        }
        if (outcome instanceof InsertOutcome.HoldLimitReached limit) {
            throw holdLimit(request, limit); // the next person gets the slot; this one keeps their place
        }
        return new BookingResult.SlotUnavailable(request.start(), List.of());
    }

    // ---------------------------------------------------------------- reminders

    /**
     * The reminders due within {@code [from, to)} for booked appointments, in due order. Computed from the
     * stored status at call time, so a cancelled or moved appointment never gets a stale reminder.
     *
     * @param tenant the collectivité
     * @param from the start of the range
     * @param to the end of the range, exclusive
     * @return the reminders
     */
    public List<ReminderDue> remindersDue(TenantId tenant, Instant from, Instant to) {
        List<ReminderDue> due = new ArrayList<>();
        for (Duration before : policy.reminderOffsets()) {
            for (Booking b : store.startingBetween(tenant, from.plus(before), to.plus(before))) {
                if (b.status() == BookingStatus.BOOKED) {
                    due.add(ReminderDue.of(b, before));
                }
            }
        }
        due.sort(Comparator.comparing(ReminderDue::occurredAt)
                .thenComparing(r -> r.booking().value()));
        return due;
    }

    // ---------------------------------------------------------------- checks

    private record Plan(
            List<ResourceId> desks,
            Interval appointment,
            Interval busy,
            @Nullable AntsPreApplicationNumber ants) {}

    private Plan plan(
            SiteSetup setup, Service service, BookingRequest request, Instant now, @Nullable ResourceId preferred) {
        Instant start = request.start();
        if (start.isBefore(now)) {
            throw new BookingRejectedException(Reason.IN_THE_PAST, "start", start, "is before now " + now);
        }
        if (start.isBefore(now.plus(service.minNotice()))) {
            throw new BookingRejectedException(
                    Reason.TOO_SHORT_NOTICE, "start", start, "must be at least " + service.minNotice() + " ahead");
        }
        if (start.isAfter(now.plus(service.maxHorizon()))) {
            throw new BookingRejectedException(
                    Reason.BEYOND_HORIZON, "start", start, "must be at most " + service.maxHorizon() + " ahead");
        }
        if (service.audience() == BookingAudience.AGENTS_ONLY && request.actor() instanceof UsagerPrincipal) {
            throw new BookingRejectedException(Reason.AGENTS_ONLY, "service", service.id(), "is booked by agents only");
        }
        if (request.people() < 1 || request.people() > service.maxPeople()) {
            throw new BookingRejectedException(
                    Reason.TOO_MANY_PEOPLE, "people", request.people(), "must be between 1 and " + service.maxPeople());
        }
        AntsPreApplicationNumber ants = null;
        if (request.antsNumber() != null && !request.antsNumber().isBlank()) {
            try {
                ants = AntsPreApplicationNumber.parse(request.antsNumber());
            } catch (ValidationException e) {
                throw new BookingRejectedException(
                        Reason.ANTS_NUMBER_MALFORMED,
                        "antsNumber",
                        request.antsNumber(),
                        "must be 10 letters or digits");
            }
        } else if (service.antsNumberRequired()) {
            throw new BookingRejectedException(
                    Reason.ANTS_NUMBER_MISSING, "antsNumber", null, "is required for " + service.name());
        }
        AvailabilityCalculator calculator = setup.calculator(clock);
        List<Resource> desks = calculator.desksFor(service);
        if (desks.isEmpty()) {
            throw new BookingRejectedException(
                    Reason.SERVICE_NOT_OFFERED,
                    "service",
                    service.id(),
                    "is not offered at site " + setup.site().id());
        }
        Duration length = service.durationFor(request.people());
        Interval appointment = new Interval(start, start.plus(length));
        List<ResourceId> candidates = new ArrayList<>(calculator.desksOnGrid(service, start, request.people()));
        if (candidates.isEmpty()) {
            OpeningHours hours = setup.hours();
            OpeningHours.Verdict verdict = OpeningHours.Verdict.CLOSED;
            for (Resource desk : desks) {
                OpeningHours.Verdict v = hours.check(desk.id(), appointment.start(), appointment.end());
                if (v == OpeningHours.Verdict.OPEN) {
                    verdict = v;
                    break;
                }
                if (v == OpeningHours.Verdict.PUBLIC_HOLIDAY) {
                    verdict = v;
                }
            }
            if (verdict == OpeningHours.Verdict.PUBLIC_HOLIDAY) {
                throw new BookingRejectedException(Reason.PUBLIC_HOLIDAY, "start", start, "is on a public holiday");
            }
            if (verdict != OpeningHours.Verdict.OPEN) {
                throw new BookingRejectedException(
                        Reason.OUTSIDE_OPENING_HOURS,
                        "start",
                        start,
                        "is outside the opening hours of every desk serving " + service.id());
            }
            throw new BookingRejectedException(
                    Reason.NOT_ON_SLOT_GRID, "start", start, "is not a slot start of " + service.id());
        }
        ResourceId first = preferred != null ? preferred : request.preferredDesk();
        if (first != null && candidates.remove(first)) {
            candidates.add(0, first);
        }
        Interval busy = new Interval(
                start.minus(service.bufferBefore()), appointment.end().plus(service.bufferAfter()));
        return new Plan(candidates, appointment, busy, ants);
    }

    private BookingResult.SlotUnavailable unavailable(SiteSetup setup, Service service, Instant requested, int people) {
        if (policy.alternatives() == 0) {
            return new BookingResult.SlotUnavailable(requested, List.of());
        }
        LocalDate date = requested.atZone(setup.site().zone()).toLocalDate();
        List<Slot> free = setup.calculator(clock)
                .freeSlots(
                        service,
                        date.minusDays(7),
                        date.plusDays(7),
                        people,
                        busyTimes(setup, service, date.minusDays(7), date.plusDays(7)));
        List<Slot> nearest = new ArrayList<>(free);
        nearest.sort(Comparator.comparing(
                        (Slot s) -> Duration.between(requested, s.start()).abs())
                .thenComparing(Slot::start));
        return new BookingResult.SlotUnavailable(
                requested, nearest.subList(0, Math.min(policy.alternatives(), nearest.size())));
    }

    private SiteSetup setup(TenantId tenant, SiteId site) {
        return sites.find(tenant, site)
                .orElseThrow(() ->
                        new BookingRejectedException(Reason.UNKNOWN_SITE, "site", site, "is not a site of " + tenant));
    }

    private static Service service(SiteSetup setup, ServiceId id) {
        return setup.service(id)
                .orElseThrow(() -> new BookingRejectedException(
                        Reason.SERVICE_NOT_OFFERED,
                        "service",
                        id,
                        "is not offered at site " + setup.site().id()));
    }

    private Change change(ActorRef actor, @Nullable String reason) {
        return new Change(actor, clock.instant(), ids.newEventId(), reason);
    }

    private static ActorRef usagerRef(UsagerId usager) {
        return new ActorRef(ActorKind.USAGER, usager.toString());
    }

    private Booking applyAndPublish(
            TenantId tenant, BookingId id, BookingStatus expected, BookingAction action, Change change) {
        Booking b = store.apply(tenant, id, expected, action, change);
        publish(b, change, BookingEvent.kindFor(action));
        return b;
    }

    /** Publishes the event the store wrote to its outbox with the change (same id), after the commit. */
    private void publish(Booking b, Change change, BookingEvent.Kind kind) {
        publisher.publish(List.of(BookingEvent.of(change.eventId(), kind, b, change.at())));
    }

    /** For changes whose event ids the store chose (holds expired in bulk): reads them back. */
    private void publishLast(Booking b) {
        List<BookingEvent> events = store.outbox(b.tenant(), b.id());
        if (!events.isEmpty()) {
            publisher.publish(List.of(events.get(events.size() - 1)));
        }
    }

    private String newToken() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * SHA-256 of the token, hex: the token itself is never stored.
     *
     * @param token the cancellation link's secret
     * @return the hash
     */
    public static String hash(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
