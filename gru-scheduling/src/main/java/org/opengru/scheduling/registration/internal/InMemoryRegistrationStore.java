package org.opengru.scheduling.registration.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.opengru.core.error.ValidationException;
import org.opengru.core.id.UsagerId;
import org.opengru.core.principal.ActorRef;
import org.opengru.core.tenancy.TenantId;
import org.opengru.scheduling.hold.TrailEntry;
import org.opengru.scheduling.hold.UpdateResult;
import org.opengru.scheduling.registration.EventSession;
import org.opengru.scheduling.registration.Registration;
import org.opengru.scheduling.registration.RegistrationId;
import org.opengru.scheduling.registration.RegistrationStatus;
import org.opengru.scheduling.registration.RegistrationStore;
import org.opengru.scheduling.registration.SessionId;

/** The registration store of one JVM: one lock, the same rules as the database's. */
public final class InMemoryRegistrationStore implements RegistrationStore {

    private record Key<I>(TenantId tenant, I id) {}

    private final Map<Key<SessionId>, EventSession> sessions = new HashMap<>();
    private final Map<Key<RegistrationId>, Registration> rows = new LinkedHashMap<>();
    private final List<TrailEntry> trail = new ArrayList<>();
    private long nextPosition = 1;

    @Override
    public synchronized List<Registration> saveSession(EventSession session, Instant now) {
        int taken = taken(session.tenant(), session.id());
        if (session.capacity() < taken) {
            throw new ValidationException(
                    "session.capacity", session.capacity(), "is below the " + taken + " places already taken");
        }
        sessions.put(new Key<>(session.tenant(), session.id()), session);
        List<Registration> promoted = new ArrayList<>();
        while (taken(session.tenant(), session.id()) < session.capacity()) {
            Optional<Registration> next = promoteFirst(session, now);
            if (next.isEmpty()) {
                break;
            }
            promoted.add(next.get());
        }
        return promoted;
    }

    @Override
    public synchronized Optional<EventSession> findSession(TenantId tenant, SessionId id) {
        return Optional.ofNullable(sessions.get(new Key<>(tenant, id)));
    }

    @Override
    public synchronized int taken(TenantId tenant, SessionId id) {
        return (int) rows.values().stream()
                .filter(r -> r.tenant().equals(tenant)
                        && r.session().equals(id)
                        && r.status().takesPlace())
                .count();
    }

    @Override
    public synchronized Outcome register(Registration candidate, ActorRef actor) {
        EventSession session = sessions.get(new Key<>(candidate.tenant(), candidate.session()));
        if (session == null) {
            throw new ValidationException("session", candidate.session(), "is not declared");
        }
        Optional<Registration> same = rows.values().stream()
                .filter(r -> r.tenant().equals(candidate.tenant())
                        && r.session().equals(candidate.session())
                        && r.participant().equals(candidate.participant())
                        && r.status().active())
                .findFirst();
        if (same.isPresent()) {
            return new Outcome.AlreadyRegistered(same.get().id());
        }
        long active = rows.values().stream()
                .filter(r -> r.tenant().equals(candidate.tenant())
                        && r.event().equals(session.event())
                        && r.participant().equals(candidate.participant())
                        && r.status().active())
                .count();
        if (active >= session.perPersonLimit()) {
            return new Outcome.PersonLimitReached(session.perPersonLimit());
        }
        boolean place = taken(session.tenant(), session.id()) < session.capacity();
        Registration r = Places.placed(candidate, session, place, candidate.createdAt(), nextPosition++, 0);
        rows.put(new Key<>(r.tenant(), r.id()), r);
        trail.add(Places.registered(r, actor));
        return new Outcome.Registered(r);
    }

    @Override
    public synchronized UpdateResult<Registration> update(Registration previous, Registration next, TrailEntry entry) {
        Key<RegistrationId> key = new Key<>(previous.tenant(), previous.id());
        Registration now = rows.get(key);
        if (now == null || now.version() != previous.version()) {
            return new UpdateResult.Stale<>();
        }
        EventSession session = sessions.get(new Key<>(previous.tenant(), previous.session()));
        if (next.status().takesPlace()
                && !previous.status().takesPlace()
                && taken(previous.tenant(), previous.session()) >= session.capacity()) {
            return new UpdateResult.PlaceTaken<>();
        }
        rows.put(key, next);
        trail.add(entry);
        List<Registration> promoted = new ArrayList<>();
        if (previous.status().takesPlace() && !next.status().takesPlace()) {
            promoteFirst(session, entry.at()).ifPresent(promoted::add);
        }
        return new UpdateResult.Updated<>(next, promoted);
    }

    private Optional<Registration> promoteFirst(EventSession session, Instant at) {
        Optional<Registration> first = rows.values().stream()
                .filter(r -> r.tenant().equals(session.tenant())
                        && r.session().equals(session.id())
                        && r.status() == RegistrationStatus.WAITING)
                .min(Comparator.comparingLong(Registration::position));
        if (first.isEmpty()) {
            return Optional.empty();
        }
        Registration w = first.get();
        Registration p = Places.placed(w, session, true, at, w.position(), w.version() + 1);
        rows.put(new Key<>(p.tenant(), p.id()), p);
        trail.add(Places.promoted(p, at));
        return Optional.of(p);
    }

    @Override
    public synchronized Optional<Registration> find(TenantId tenant, RegistrationId id) {
        return Optional.ofNullable(rows.get(new Key<>(tenant, id)));
    }

    @Override
    public synchronized List<Registration> ofSession(TenantId tenant, SessionId session) {
        return rows.values().stream()
                .filter(r -> r.tenant().equals(tenant) && r.session().equals(session))
                .sorted(Comparator.comparingLong(Registration::position))
                .toList();
    }

    @Override
    public synchronized List<Registration> ofUsager(TenantId tenant, UsagerId usager) {
        return rows.values().stream()
                .filter(r -> r.tenant().equals(tenant)
                        && (r.participant().equals(usager) || usager.equals(r.registeredBy())))
                .sorted(Comparator.comparing(Registration::createdAt).reversed())
                .toList();
    }

    @Override
    public synchronized List<Registration> overdueHolds(TenantId tenant, Instant now) {
        return rows.values().stream()
                .filter(r -> r.tenant().equals(tenant)
                        && r.status() == RegistrationStatus.AWAITING_PAYMENT
                        && r.holdExpiresAt() != null
                        && !r.holdExpiresAt().isAfter(now))
                .toList();
    }

    @Override
    public synchronized List<TrailEntry> trail(TenantId tenant, RegistrationId id) {
        return trail.stream()
                .filter(e -> e.tenant().equals(tenant) && e.item().equals(id.value()))
                .toList();
    }

    @Override
    public synchronized int detachUsager(TenantId tenant, UsagerId usager) {
        int n = 0;
        for (Registration r : ofUsager(tenant, usager)) {
            if (r.status().active() || r.status() == RegistrationStatus.REFUND_DUE) {
                continue;
            }
            UsagerId participant = r.participant().equals(usager) ? new UsagerId(UUID.randomUUID()) : r.participant();
            UsagerId by = usager.equals(r.registeredBy()) ? new UsagerId(UUID.randomUUID()) : r.registeredBy();
            rows.put(
                    new Key<>(tenant, r.id()),
                    new Registration(
                            r.id(),
                            tenant,
                            r.session(),
                            r.event(),
                            participant,
                            by,
                            r.status(),
                            r.priceCents(),
                            r.holdExpiresAt(),
                            r.paymentReference(),
                            r.position(),
                            r.version(),
                            r.createdAt(),
                            r.updatedAt()));
            trail.replaceAll(e -> e.tenant().equals(tenant) && e.item().equals(r.id().value()) ? e.withoutDetail() : e);
            n++;
        }
        return n;
    }
}
