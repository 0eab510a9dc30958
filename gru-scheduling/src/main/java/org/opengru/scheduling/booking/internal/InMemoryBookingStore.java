package org.opengru.scheduling.booking.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.opengru.core.error.NotFoundException;
import org.opengru.core.id.EventId;
import org.opengru.core.id.UsagerId;
import org.opengru.core.idempotency.IdempotencyKey;
import org.opengru.core.tenancy.TenantId;
import org.opengru.scheduling.booking.AuditCheck;
import org.opengru.scheduling.booking.AuditEntry;
import org.opengru.scheduling.booking.Booking;
import org.opengru.scheduling.booking.BookingAction;
import org.opengru.scheduling.booking.BookingEvent;
import org.opengru.scheduling.booking.BookingId;
import org.opengru.scheduling.booking.BookingLifecycle;
import org.opengru.scheduling.booking.BookingRejectedException;
import org.opengru.scheduling.booking.BookingStatus;
import org.opengru.scheduling.booking.BookingStore;
import org.opengru.scheduling.booking.Change;
import org.opengru.scheduling.booking.InsertOutcome;
import org.opengru.scheduling.booking.NewBooking;
import org.opengru.scheduling.hours.Interval;
import org.opengru.scheduling.model.ResourceId;
import org.opengru.scheduling.model.ServiceId;

/**
 * The embedded store: one lock makes each check-and-write atomic, so it gives the same guarantees as
 * the database within one JVM. Each desk keeps its occupying bookings in a map sorted by busy start;
 * since they never overlap, an overlap check or a range query walks only the neighbours.
 */
public final class InMemoryBookingStore implements BookingStore {

    private record DeskKey(TenantId tenant, ResourceId desk) {}

    private record PersonKey(TenantId tenant, UsagerId usager, ServiceId service) {}

    private record KeyKey(TenantId tenant, IdempotencyKey key) {}

    private record IdKey(TenantId tenant, BookingId id) {}

    private final ReentrantLock lock = new ReentrantLock();
    private final Map<IdKey, Booking> bookings = new HashMap<>();
    private final Map<DeskKey, TreeMap<Instant, BookingId>> desks = new HashMap<>();
    private final Map<PersonKey, BookingId> activeByPerson = new HashMap<>();
    /** Each person's HELD bookings per service, expired or not (the count checks the time). */
    private final Map<PersonKey, Set<BookingId>> holdsByPerson = new HashMap<>();

    private final Map<KeyKey, BookingId> byKey = new HashMap<>();
    private final Map<IdKey, List<AuditEntry>> audit = new HashMap<>();
    private final Map<IdKey, List<BookingEvent>> outbox = new HashMap<>();
    private final java.util.LinkedHashMap<EventId, BookingEvent> pending = new java.util.LinkedHashMap<>();

    @Override
    public InsertOutcome insert(NewBooking nb, Change change) {
        lock.lock();
        try {
            if (nb.idempotencyKey() != null) {
                BookingId previous = byKey.get(new KeyKey(nb.tenant(), nb.idempotencyKey()));
                if (previous != null) {
                    return new InsertOutcome.Replayed(bookings.get(new IdKey(nb.tenant(), previous)));
                }
            }
            if (nb.status() == BookingStatus.BOOKED) {
                BookingId existing = activeByPerson.get(new PersonKey(nb.tenant(), nb.usager(), nb.service()));
                if (existing != null) {
                    return new InsertOutcome.ActiveBookingExists(existing);
                }
            }
            if (nb.status() == BookingStatus.HELD && holdsOf(nb, change.at()) >= nb.maxHolds()) {
                return new InsertOutcome.HoldLimitReached(nb.maxHolds());
            }
            for (ResourceId desk : nb.desks()) {
                if (isFree(nb.tenant(), desk, nb.busyStart(), nb.busyEnd(), null, change)) {
                    Booking b = nb.on(desk, change.at());
                    put(b);
                    record(
                            b,
                            null,
                            "insert",
                            change,
                            nb.status() == BookingStatus.HELD ? BookingEvent.Kind.HELD : BookingEvent.Kind.BOOKED);
                    return new InsertOutcome.Inserted(b);
                }
            }
            return new InsertOutcome.SlotTaken();
        } finally {
            lock.unlock();
        }
    }

    /** The usager's unexpired holds for the service at {@code now}. */
    private long holdsOf(NewBooking nb, Instant now) {
        return holdsByPerson.getOrDefault(new PersonKey(nb.tenant(), nb.usager(), nb.service()), Set.of()).stream()
                .map(id -> bookings.get(new IdKey(nb.tenant(), id)))
                .filter(b -> b.occupiesDeskAt(now))
                .count();
    }

    /** Whether nothing occupies the desk in [from, to); expired holds found on the way are expired. */
    private boolean isFree(
            TenantId tenant, ResourceId desk, Instant from, Instant to, @Nullable BookingId ignore, Change change) {
        TreeMap<Instant, BookingId> index = desks.get(new DeskKey(tenant, desk));
        if (index == null) {
            return true;
        }
        List<Booking> expired = new ArrayList<>();
        boolean free = true;
        for (BookingId id : index.headMap(to, false).descendingMap().values()) {
            Booking b = bookings.get(new IdKey(tenant, id));
            if (!b.busyEnd().isAfter(from)) {
                break; // sorted and disjoint: every earlier one ends before too
            }
            if (id.equals(ignore)) {
                continue;
            }
            if (!b.occupiesDeskAt(change.at())) {
                expired.add(b);
            } else {
                free = false;
            }
        }
        for (Booking b : expired) {
            transition(b, BookingAction.EXPIRE_HOLD, reaped(change));
        }
        return free;
    }

    /** Each expired hold gets an event of its own. */
    private static Change reaped(Change change) {
        return new Change(change.actor(), change.at(), EventId.of(UUID.randomUUID()), change.reason());
    }

    private void put(Booking b) {
        IdKey key = new IdKey(b.tenant(), b.id());
        Booking old = bookings.put(key, b);
        if (old != null && old.status().occupiesDesk()) {
            desks.get(new DeskKey(old.tenant(), old.resource())).remove(old.busyStart(), old.id());
        }
        if (old != null && old.status() == BookingStatus.BOOKED) {
            activeByPerson.remove(new PersonKey(old.tenant(), old.usager(), old.service()), old.id());
        }
        if (old != null && old.status() == BookingStatus.HELD) {
            PersonKey person = new PersonKey(old.tenant(), old.usager(), old.service());
            Set<BookingId> holds = holdsByPerson.get(person);
            holds.remove(old.id());
            if (holds.isEmpty()) {
                holdsByPerson.remove(person);
            }
        }
        if (b.status() == BookingStatus.HELD) {
            holdsByPerson
                    .computeIfAbsent(new PersonKey(b.tenant(), b.usager(), b.service()), k -> new HashSet<>())
                    .add(b.id());
        }
        if (b.status().occupiesDesk()) {
            desks.computeIfAbsent(new DeskKey(b.tenant(), b.resource()), k -> new TreeMap<>())
                    .put(b.busyStart(), b.id());
        }
        if (b.status() == BookingStatus.BOOKED) {
            activeByPerson.put(new PersonKey(b.tenant(), b.usager(), b.service()), b.id());
        }
        if (b.idempotencyKey() != null) {
            byKey.putIfAbsent(new KeyKey(b.tenant(), b.idempotencyKey()), b.id());
        }
    }

    private void record(Booking b, @Nullable BookingStatus from, String action, Change change, BookingEvent.Kind kind) {
        record(b, from, action, change, BookingEvent.of(change.eventId(), kind, b, change.at()));
    }

    private void record(Booking b, @Nullable BookingStatus from, String action, Change change, BookingEvent event) {
        IdKey key = new IdKey(b.tenant(), b.id());
        audit.computeIfAbsent(key, k -> new ArrayList<>())
                .add(new AuditEntry(b.id(), action, change.actor(), change.at(), from, b.status(), change.reason()));
        outbox.computeIfAbsent(key, k -> new ArrayList<>()).add(event);
        pending.put(event.eventId(), event);
    }

    private Booking transition(Booking b, BookingAction action, Change change) {
        BookingStatus next = BookingLifecycle.require(
                b.id(), b.status(), action, change.actor().toString());
        Booking changed = b.withStatus(next, change.reason(), change.at());
        put(changed);
        record(
                changed,
                b.status(),
                action.name().toLowerCase(java.util.Locale.ROOT),
                change,
                BookingEvent.kindFor(action));
        return changed;
    }

    @Override
    public Optional<Booking> find(TenantId tenant, BookingId id) {
        lock.lock();
        try {
            return Optional.ofNullable(bookings.get(new IdKey(tenant, id)));
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Optional<Booking> findByIdempotencyKey(TenantId tenant, IdempotencyKey key) {
        lock.lock();
        try {
            BookingId id = byKey.get(new KeyKey(tenant, key));
            return id == null ? Optional.empty() : Optional.ofNullable(bookings.get(new IdKey(tenant, id)));
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Booking apply(TenantId tenant, BookingId id, BookingStatus expected, BookingAction action, Change change) {
        lock.lock();
        try {
            Booking b = bookings.get(new IdKey(tenant, id));
            if (b == null) {
                throw new NotFoundException("booking", id.toString());
            }
            String actor = change.actor().toString();
            BookingLifecycle.require(id, expected, action, actor);
            if (b.status() != expected) {
                throw BookingLifecycle.refused(id, expected, b.status(), action, actor);
            }
            if (action == BookingAction.CONFIRM_HOLD) {
                if (!b.occupiesDeskAt(change.at())) {
                    throw BookingRejectedException.holdExpired(b);
                }
                BookingId existing = activeByPerson.get(new PersonKey(tenant, b.usager(), b.service()));
                if (existing != null) {
                    throw new BookingRejectedException(
                            BookingRejectedException.Reason.ACTIVE_BOOKING_EXISTS,
                            "usager",
                            b.usager(),
                            "already has booking " + existing + " for service " + b.service());
                }
            }
            return transition(b, action, change);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public InsertOutcome move(
            TenantId tenant,
            BookingId id,
            int expectedSequence,
            List<ResourceId> candidates,
            Interval appointment,
            Interval busy,
            Change change) {
        lock.lock();
        try {
            Booking b = bookings.get(new IdKey(tenant, id));
            if (b == null) {
                throw new NotFoundException("booking", id.toString());
            }
            BookingLifecycle.checkMove(b, expectedSequence, change.actor().toString());
            for (ResourceId desk : candidates) {
                if (isFree(tenant, desk, busy.start(), busy.end(), id, change)) {
                    Booking moved = b.movedTo(
                            desk, appointment.start(), appointment.end(), busy.start(), busy.end(), change.at());
                    put(moved);
                    record(
                            moved,
                            b.status(),
                            "reschedule",
                            change,
                            BookingEvent.moved(change.eventId(), moved, b.start(), change.at()));
                    return new InsertOutcome.Inserted(moved);
                }
            }
            return new InsertOutcome.SlotTaken();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public List<Booking> expireHolds(TenantId tenant, Instant now, Change change) {
        lock.lock();
        try {
            List<Booking> expired = new ArrayList<>();
            for (Booking b : List.copyOf(bookings.values())) {
                if (b.tenant().equals(tenant) && b.status() == BookingStatus.HELD && !b.occupiesDeskAt(now)) {
                    expired.add(transition(b, BookingAction.EXPIRE_HOLD, reaped(change)));
                }
            }
            return expired;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Map<ResourceId, List<Interval>> busy(
            TenantId tenant, Collection<ResourceId> desks, Instant from, Instant to, Instant now) {
        lock.lock();
        try {
            Map<ResourceId, List<Interval>> out = new HashMap<>();
            for (ResourceId desk : desks) {
                out.put(desk, busyOn(tenant, desk, from, to, now));
            }
            return out;
        } finally {
            lock.unlock();
        }
    }

    private List<Interval> busyOn(TenantId tenant, ResourceId desk, Instant from, Instant to, Instant now) {
        {
            TreeMap<Instant, BookingId> index = desks.get(new DeskKey(tenant, desk));
            if (index == null) {
                return List.of();
            }
            Instant first = index.floorKey(from);
            NavigableMap<Instant, BookingId> range = index.subMap(first == null ? from : first, true, to, false);
            List<Interval> out = new ArrayList<>(range.size());
            for (BookingId id : range.values()) {
                Booking b = bookings.get(new IdKey(tenant, id));
                if (b.busyEnd().isAfter(from) && b.occupiesDeskAt(now)) {
                    out.add(b.busy());
                }
            }
            return out;
        }
    }

    @Override
    public List<Booking> startingBetween(TenantId tenant, Instant from, Instant to) {
        lock.lock();
        try {
            List<Booking> out = new ArrayList<>();
            for (Booking b : bookings.values()) {
                if (b.tenant().equals(tenant)
                        && !b.start().isBefore(from)
                        && b.start().isBefore(to)) {
                    out.add(b);
                }
            }
            out.sort(Comparator.comparing(Booking::start).thenComparing(b -> b.id().value()));
            return out;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public List<Booking> ofUsager(TenantId tenant, UsagerId usager) {
        lock.lock();
        try {
            List<Booking> out = new ArrayList<>();
            for (Booking b : bookings.values()) {
                if (b.tenant().equals(tenant) && b.usager().equals(usager)) {
                    out.add(b);
                }
            }
            out.sort(Comparator.comparing(Booking::createdAt)
                    .thenComparing(b -> b.id().value())
                    .reversed());
            return out;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public int anonymiseUsager(TenantId tenant, UsagerId usager, Instant now) {
        lock.lock();
        try {
            int n = 0;
            for (Booking b : List.copyOf(bookings.values())) {
                boolean ahead = b.status() == BookingStatus.HELD
                        || (b.status() == BookingStatus.BOOKED && b.start().isAfter(now));
                if (b.tenant().equals(tenant) && b.usager().equals(usager) && !ahead) {
                    if (b.idempotencyKey() != null) {
                        byKey.remove(new KeyKey(tenant, b.idempotencyKey()), b.id());
                    }
                    put(b.anonymised(UsagerId.of(UUID.randomUUID()), now));
                    // The trail keeps what happened, not the notes written about the person.
                    audit.computeIfPresent(
                            new IdKey(tenant, b.id()),
                            (k, trail) -> new ArrayList<>(trail.stream()
                                    .map(e -> new AuditEntry(
                                            e.booking(), e.action(), e.actor(), e.at(), e.from(), e.to(), null))
                                    .toList()));
                    n++;
                }
            }
            return n;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public int noShowCount(TenantId tenant, UsagerId usager) {
        return (int) ofUsager(tenant, usager).stream()
                .filter(b -> b.status() == BookingStatus.NO_SHOW)
                .count();
    }

    @Override
    public AuditCheck verifyAudit(TenantId tenant, BookingId id) {
        lock.lock();
        try {
            Booking b = find(tenant, id).orElseThrow(() -> new NotFoundException("booking", id.toString()));
            return AuditCheck.of(id, audit(tenant, id).size(), b.sequence());
        } finally {
            lock.unlock();
        }
    }

    @Override
    public List<AuditEntry> audit(TenantId tenant, BookingId id) {
        lock.lock();
        try {
            return List.copyOf(audit.getOrDefault(new IdKey(tenant, id), List.of()));
        } finally {
            lock.unlock();
        }
    }

    @Override
    public List<BookingEvent> outbox(TenantId tenant, BookingId id) {
        lock.lock();
        try {
            return List.copyOf(outbox.getOrDefault(new IdKey(tenant, id), List.of()));
        } finally {
            lock.unlock();
        }
    }

    @Override
    public List<BookingEvent> unpublished(int max) {
        lock.lock();
        try {
            return pending.values().stream().limit(max).toList();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void markPublished(Collection<EventId> events, Instant at) {
        lock.lock();
        try {
            events.forEach(pending::remove);
        } finally {
            lock.unlock();
        }
    }
}
