package org.opengru.scheduling.reservation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.opengru.core.id.UsagerId;
import org.opengru.core.tenancy.TenantId;
import org.opengru.scheduling.hold.TrailEntry;
import org.opengru.scheduling.hold.UpdateResult;

/**
 * Stores reservations and guarantees, by itself and across nodes, that two reservations keeping their
 * period ({@link ReservationStatus#keepsPeriod()}) of one room or equipment never overlap. Each change is
 * written with its trail entry, together or not at all. The service checks the rules before calling.
 */
public interface ReservationStore {

    /** Inserts, or returns empty when the period overlaps one kept by another reservation. */
    Optional<Reservation> insert(Reservation reservation, TrailEntry entry);

    /**
     * Replaces {@code previous} by {@code next} if it has not changed since (same version): {@code
     * PlaceTaken} when {@code next} keeps a period someone else has now, {@code Stale} when it changed.
     */
    UpdateResult<Reservation> update(Reservation previous, Reservation next, TrailEntry entry);

    Optional<Reservation> find(TenantId tenant, ReservationId id);

    /** Reservations awaiting payment whose hold expired at {@code now}. */
    List<Reservation> overdueHolds(TenantId tenant, Instant now);

    /** The reservations of a room or equipment overlapping {@code [from, to)}, in any status, by start. */
    List<Reservation> overlapping(TenantId tenant, ReservableId reservable, Instant from, Instant to);

    /** Reservations for an usager, newest first. */
    List<Reservation> ofUsager(TenantId tenant, UsagerId usager);

    List<TrailEntry> trail(TenantId tenant, ReservationId id);

    /**
     * Erasure (RGPD art. 17): gives each reservation of the usager that keeps no period ahead a random
     * usager id and drops its pieces' references and the decision's reason; the agenda keeps that the room
     * was taken. Returns how many were detached.
     */
    int detachUsager(TenantId tenant, UsagerId usager, Instant now);

    static ReservationStore inMemory() {
        return new org.opengru.scheduling.reservation.internal.InMemoryReservationStore();
    }
}
