package org.opengru.scheduling.booking;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opengru.core.id.EventId;
import org.opengru.core.id.UsagerId;
import org.opengru.core.idempotency.IdempotencyKey;
import org.opengru.core.tenancy.TenantId;
import org.opengru.scheduling.hours.Interval;
import org.opengru.scheduling.model.ResourceId;

/**
 * Stores bookings and guarantees, by itself and across nodes, that no desk is ever given twice for
 * overlapping time (holds included until they expire), and that an usager has at most one booked
 * appointment per service. Every change writes its audit entry and its outbox event atomically with it.
 * A store never checks opening hours or notice: the booking service does before calling it.
 */
public interface BookingStore {

    /**
     * Inserts on the first free desk of the list, or reports why not; expired holds do not block.
     *
     * @param booking the booking and the desks it may take, in order
     * @param change who makes it and when (for the audit and the outbox)
     * @return the booking, or why not (slot taken, hold limit reached)
     */
    InsertOutcome insert(NewBooking booking, Change change);

    /**
     * A booking of the collectivité.
     *
     * @param tenant the collectivité
     * @param id the booking
     * @return the booking, or empty
     */
    Optional<Booking> find(TenantId tenant, BookingId id);

    /**
     * The booking made with an idempotency key, to answer a retried request with the first one's booking.
     *
     * @param tenant the collectivité
     * @param key the key
     * @return the booking, or empty
     */
    Optional<Booking> findByIdempotencyKey(TenantId tenant, IdempotencyKey key);

    /**
     * Applies a lifecycle action if the booking is still in {@code expected} status; the table in {@link
     * BookingLifecycle} decides the new status. When the booking stands elsewhere, the table decides the
     * error ({@link BookingLifecycle#refused}): an {@link org.opengru.core.error.IllegalTransitionException}
     * when no such move leaves where it stands (cancelling twice, releasing a confirmed hold), which no
     * retry can fix, else a {@link org.opengru.core.error.ConcurrentUpdateException}. Confirming a hold
     * that expired meanwhile is a {@link BookingRejectedException} {@code HOLD_EXPIRED}.
     *
     * @param tenant the collectivité
     * @param id the booking
     * @param expected the status the caller read
     * @param action the action
     * @param change who makes it and when
     * @return the booking after the change
     */
    Booking apply(TenantId tenant, BookingId id, BookingStatus expected, BookingAction action, Change change);

    /**
     * Moves a booked appointment to the first free desk of the list at another time, atomically: the new
     * time is taken and the old one freed in one step, or nothing changes ({@code SlotTaken}). Fails with an
     * {@link org.opengru.core.error.IllegalTransitionException} if the booking is no longer booked (cancelled,
     * attended...), with a {@link org.opengru.core.error.ConcurrentUpdateException} if it is but changed
     * since {@code expectedSequence}.
     *
     * @param tenant the collectivité
     * @param id the booking
     * @param expectedSequence the sequence the caller read
     * @param desks the desks it may take, in order
     * @param appointment the new appointment
     * @param busy the new busy time, buffers included
     * @param change who makes it and when
     * @return the moved booking, or why not
     */
    InsertOutcome move(
            TenantId tenant,
            BookingId id,
            int expectedSequence,
            List<ResourceId> desks,
            Interval appointment,
            Interval busy,
            Change change);

    /**
     * Marks holds expired at {@code now} as EXPIRED (with audit and outbox); returns them.
     *
     * @param tenant the collectivité
     * @param now the current time
     * @param change who expires them and when
     * @return the expired holds
     */
    List<Booking> expireHolds(TenantId tenant, Instant now, Change change);

    /**
     * For each desk, the busy intervals (booked appointments and unexpired holds, buffers included)
     * overlapping {@code [from, to)}, sorted by start; read in one go from an index on (desk, time).
     *
     * @param tenant the collectivité
     * @param desks the desks
     * @param from the start of the range
     * @param to the end of the range, exclusive
     * @param now the current time (an expired hold is not busy)
     * @return the intervals per desk
     */
    Map<ResourceId, List<Interval>> busy(
            TenantId tenant, Collection<ResourceId> desks, Instant from, Instant to, Instant now);

    /**
     * Bookings in any status whose appointment starts within {@code [from, to)}, sorted by start.
     *
     * @param tenant the collectivité
     * @param from the start of the range
     * @param to the end of the range, exclusive
     * @return the bookings
     */
    List<Booking> startingBetween(TenantId tenant, Instant from, Instant to);

    /**
     * Bookings of an usager, newest first.
     *
     * @param tenant the collectivité
     * @param usager the usager
     * @return the bookings
     */
    List<Booking> ofUsager(TenantId tenant, UsagerId usager);

    /**
     * Erasure (RGPD art. 17): detaches the usager from each of their bookings that holds no slot ahead
     * any more (every status but {@code HELD}, and {@code BOOKED} only once its start has passed). Each
     * gets a random usager id of its own (unlinkable, and no two collide on the one-active-booking rule)
     * and loses its ANTS number, idempotency key and cancellation reason; site, desk, times and status
     * stay, for the agendas and statistics. Returns how many bookings were detached.
     *
     * @param tenant the collectivité
     * @param usager the erased usager
     * @param now the current time
     * @return how many bookings were detached
     */
    int anonymiseUsager(TenantId tenant, UsagerId usager, Instant now);

    /**
     * How many appointments the usager missed (no-show).
     *
     * @param tenant the collectivité
     * @param usager the usager
     * @return the count
     */
    int noShowCount(TenantId tenant, UsagerId usager);

    /**
     * The booking's audit trail, oldest first: who did what and when.
     *
     * @param tenant the collectivité
     * @param id the booking
     * @return the entries
     */
    List<AuditEntry> audit(TenantId tenant, BookingId id);

    /**
     * Checks that the booking's audit trail has the length its row accounts for (see {@link AuditCheck}):
     * a trail whose tail or whole was deleted shows; where the trail is hash-chained (PostgreSQL), every
     * link is re-computed, so an edited or swapped entry shows too. Throws {@link
     * org.opengru.core.error.NotFoundException} for an unknown booking.
     *
     * @param tenant the collectivité
     * @param id the booking
     * @return the check
     */
    AuditCheck verifyAudit(TenantId tenant, BookingId id);

    /**
     * The booking's outbox events, oldest first, published or not.
     *
     * @param tenant the collectivité
     * @param id the booking
     * @return the events
     */
    List<BookingEvent> outbox(TenantId tenant, BookingId id);

    /**
     * The oldest outbox events not yet marked published, of every tenant, for a relay to deliver (to the
     * notification channel, to gru-core's outbox). At-least-once: a relay that crashes before
     * {@link #markPublished} delivers them again; consumers de-duplicate on the event id.
     *
     * @param max the batch's size
     * @return the events, oldest first
     */
    List<BookingEvent> unpublished(int max);

    /**
     * Marks delivered events; unknown or already marked ids are ignored.
     *
     * @param events the ids delivered
     * @param at when
     */
    void markPublished(Collection<EventId> events, Instant at);

    /**
     * The embedded store, for one JVM (tests, single-node installations).
     *
     * @return an empty store, thread-safe
     */
    static BookingStore inMemory() {
        return new org.opengru.scheduling.booking.internal.InMemoryBookingStore();
    }
}
