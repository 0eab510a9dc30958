package org.opengru.scheduling.reservation.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.opengru.core.id.UsagerId;
import org.opengru.core.tenancy.TenantId;
import org.opengru.scheduling.hold.TrailEntry;
import org.opengru.scheduling.hold.UpdateResult;
import org.opengru.scheduling.reservation.ReservableId;
import org.opengru.scheduling.reservation.Reservation;
import org.opengru.scheduling.reservation.ReservationId;
import org.opengru.scheduling.reservation.ReservationStatus;
import org.opengru.scheduling.reservation.ReservationStore;

/** The reservation store of one JVM: one lock, the same rule as the database's exclusion constraint. */
public final class InMemoryReservationStore implements ReservationStore {

    private record Key(TenantId tenant, ReservationId id) {}

    private final Map<Key, Reservation> rows = new LinkedHashMap<>();
    private final List<TrailEntry> trail = new ArrayList<>();

    @Override
    public synchronized Optional<Reservation> insert(Reservation r, TrailEntry entry) {
        if (r.status().keepsPeriod() && overlapsAnother(r)) {
            return Optional.empty();
        }
        rows.put(new Key(r.tenant(), r.id()), r);
        trail.add(entry);
        return Optional.of(r);
    }

    private boolean overlapsAnother(Reservation r) {
        return rows.values().stream()
                .anyMatch(o -> !o.id().equals(r.id())
                        && o.tenant().equals(r.tenant())
                        && o.reservable().equals(r.reservable())
                        && o.status().keepsPeriod()
                        && o.start().isBefore(r.end())
                        && r.start().isBefore(o.end()));
    }

    @Override
    public synchronized UpdateResult<Reservation> update(Reservation previous, Reservation next, TrailEntry entry) {
        Key key = new Key(previous.tenant(), previous.id());
        Reservation now = rows.get(key);
        if (now == null || now.version() != previous.version()) {
            return new UpdateResult.Stale<>();
        }
        if (next.status().keepsPeriod() && overlapsAnother(next)) {
            return new UpdateResult.PlaceTaken<>();
        }
        rows.put(key, next);
        trail.add(entry);
        return new UpdateResult.Updated<>(next, List.of());
    }

    @Override
    public synchronized Optional<Reservation> find(TenantId tenant, ReservationId id) {
        return Optional.ofNullable(rows.get(new Key(tenant, id)));
    }

    @Override
    public synchronized List<Reservation> overdueHolds(TenantId tenant, Instant now) {
        return rows.values().stream()
                .filter(r -> r.tenant().equals(tenant)
                        && r.status() == ReservationStatus.AWAITING_PAYMENT
                        && r.holdExpiresAt() != null
                        && !r.holdExpiresAt().isAfter(now))
                .toList();
    }

    @Override
    public synchronized List<Reservation> overlapping(
            TenantId tenant, ReservableId reservable, Instant from, Instant to) {
        return rows.values().stream()
                .filter(r -> r.tenant().equals(tenant)
                        && r.reservable().equals(reservable)
                        && r.start().isBefore(to)
                        && from.isBefore(r.end()))
                .sorted(Comparator.comparing(Reservation::start))
                .toList();
    }

    @Override
    public synchronized List<Reservation> ofUsager(TenantId tenant, UsagerId usager) {
        return rows.values().stream()
                .filter(r -> r.tenant().equals(tenant) && r.usager().equals(usager))
                .sorted(Comparator.comparing(Reservation::createdAt).reversed())
                .toList();
    }

    @Override
    public synchronized List<TrailEntry> trail(TenantId tenant, ReservationId id) {
        return trail.stream()
                .filter(e -> e.tenant().equals(tenant) && e.item().equals(id.value()))
                .toList();
    }

    @Override
    public synchronized int detachUsager(TenantId tenant, UsagerId usager, Instant now) {
        int n = 0;
        for (Reservation r : ofUsager(tenant, usager)) {
            if (!Detach.detachable(r, now)) {
                continue;
            }
            rows.put(new Key(tenant, r.id()), Detach.detached(r, new UsagerId(UUID.randomUUID())));
            trail.replaceAll(e -> e.tenant().equals(tenant) && e.item().equals(r.id().value()) ? e.withoutDetail() : e);
            n++;
        }
        return n;
    }
}
