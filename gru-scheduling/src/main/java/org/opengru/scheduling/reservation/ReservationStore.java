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

    /**
     * Inserts, or returns empty when the period overlaps one kept by another reservation.
     *
     * @param reservation the reservation, version 0
     * @param entry its first trail entry, written with it
     * @return the reservation as written, empty when the period is taken (nothing written)
     */
    Optional<Reservation> insert(Reservation reservation, TrailEntry entry);

    /**
     * Replaces {@code previous} by {@code next} if it has not changed since (same version): {@code
     * PlaceTaken} when {@code next} keeps a period someone else has now, {@code Stale} when it changed.
     *
     * @param previous the reservation as read
     * @param next the reservation after the move
     * @param entry the move's trail entry, written with it
     * @return {@code Updated}, {@code PlaceTaken} or {@code Stale} (nothing written)
     */
    UpdateResult<Reservation> update(Reservation previous, Reservation next, TrailEntry entry);

    /**
     * A reservation.
     *
     * @param tenant the collectivité
     * @param id the reservation
     * @return the reservation, empty when unknown in this collectivité
     */
    Optional<Reservation> find(TenantId tenant, ReservationId id);

    /**
     * Reservations awaiting payment whose hold expired at {@code now}.
     *
     * @param tenant the collectivité
     * @param now the current instant
     * @return the overdue reservations
     */
    List<Reservation> overdueHolds(TenantId tenant, Instant now);

    /**
     * The reservations of a room or equipment overlapping {@code [from, to)}, in any status, by start.
     *
     * @param tenant the collectivité
     * @param reservable the room or equipment
     * @param from the start, inclusive
     * @param to the end, exclusive
     * @return the reservations, by start
     */
    List<Reservation> overlapping(TenantId tenant, ReservableId reservable, Instant from, Instant to);

    /**
     * Reservations for an usager, newest first.
     *
     * @param tenant the collectivité
     * @param usager the usager
     * @return their reservations, empty when none
     */
    List<Reservation> ofUsager(TenantId tenant, UsagerId usager);

    /**
     * The trail of a reservation: every move, oldest first.
     *
     * @param tenant the collectivité
     * @param id the reservation
     * @return the entries, empty when unknown
     */
    List<TrailEntry> trail(TenantId tenant, ReservationId id);

    /**
     * Erasure (RGPD art. 17): gives each reservation of the usager that keeps no period ahead a random
     * usager id and drops its pieces' references and the decision's reason; the agenda keeps that the room
     * was taken. Returns how many were detached. Running it twice changes nothing more.
     *
     * @param tenant the collectivité
     * @param usager the usager erased
     * @param now the current instant: what keeps a period after it stays theirs
     * @return how many reservations were detached
     */
    int detachUsager(TenantId tenant, UsagerId usager, Instant now);

    /**
     * A store in memory, for tests and for a host without a database.
     *
     * @return a new, empty store
     */
    static ReservationStore inMemory() {
        return new org.opengru.scheduling.reservation.internal.InMemoryReservationStore();
    }
}
