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

    /** Inserts on the first free desk of the list, or reports why not; expired holds do not block. */
    InsertOutcome insert(NewBooking booking, Change change);

    Optional<Booking> find(TenantId tenant, BookingId id);

    Optional<Booking> findByIdempotencyKey(TenantId tenant, IdempotencyKey key);

    /**
     * Applies a lifecycle action if the booking is still in {@code expected} status; the table in {@link
     * BookingLifecycle} decides the new status. When the booking stands elsewhere, the table decides the
     * error ({@link BookingLifecycle#refused}): an {@link org.opengru.core.error.IllegalTransitionException}
     * when no such move leaves where it stands (cancelling twice, releasing a confirmed hold), which no
     * retry can fix, else a {@link org.opengru.core.error.ConcurrentUpdateException}. Confirming a hold
     * that expired meanwhile is a {@link BookingRejectedException} {@code HOLD_EXPIRED}.
     */
    Booking apply(TenantId tenant, BookingId id, BookingStatus expected, BookingAction action, Change change);

    /**
     * Moves a booked appointment to the first free desk of the list at another time, atomically: the new
     * time is taken and the old one freed in one step, or nothing changes ({@code SlotTaken}). Fails with an
     * {@link org.opengru.core.error.IllegalTransitionException} if the booking is no longer booked (cancelled,
     * attended...), with a {@link org.opengru.core.error.ConcurrentUpdateException} if it is but changed
     * since {@code expectedSequence}.
     */
    InsertOutcome move(
            TenantId tenant,
            BookingId id,
            int expectedSequence,
            List<ResourceId> desks,
            Interval appointment,
            Interval busy,
            Change change);

    /** Marks holds expired at {@code now} as EXPIRED (with audit and outbox); returns them. */
    List<Booking> expireHolds(TenantId tenant, Instant now, Change change);

    /**
     * For each desk, the busy intervals (booked appointments and unexpired holds, buffers included)
     * overlapping {@code [from, to)}, sorted by start; read in one go from an index on (desk, time).
     */
    Map<ResourceId, List<Interval>> busy(
            TenantId tenant, Collection<ResourceId> desks, Instant from, Instant to, Instant now);

    /** Bookings in any status whose appointment starts within {@code [from, to)}, sorted by start. */
    List<Booking> startingBetween(TenantId tenant, Instant from, Instant to);

    /** Bookings of an usager, newest first. */
    List<Booking> ofUsager(TenantId tenant, UsagerId usager);

    /**
     * Erasure (RGPD art. 17): detaches the usager from each of their bookings that holds no slot ahead
     * any more (every status but {@code HELD}, and {@code BOOKED} only once its start has passed). Each
     * gets a random usager id of its own (unlinkable, and no two collide on the one-active-booking rule)
     * and loses its ANTS number, idempotency key and cancellation reason; site, desk, times and status
     * stay, for the agendas and statistics. Returns how many bookings were detached.
     */
    int anonymiseUsager(TenantId tenant, UsagerId usager, Instant now);

    /** How many appointments the usager missed (no-show). */
    int noShowCount(TenantId tenant, UsagerId usager);

    List<AuditEntry> audit(TenantId tenant, BookingId id);

    /**
     * Checks that the booking's audit trail has the length its row accounts for (see {@link AuditCheck}):
     * a trail whose tail or whole was deleted shows. Throws {@link
     * org.opengru.core.error.NotFoundException} for an unknown booking.
     */
    AuditCheck verifyAudit(TenantId tenant, BookingId id);

    List<BookingEvent> outbox(TenantId tenant, BookingId id);

    /**
     * The oldest outbox events not yet marked published, of every tenant, for a relay to deliver (to the
     * notification channel, to gru-core's outbox). At-least-once: a relay that crashes before
     * {@link #markPublished} delivers them again; consumers de-duplicate on the event id.
     */
    List<BookingEvent> unpublished(int max);

    /** Marks delivered events; unknown or already marked ids are ignored. */
    void markPublished(Collection<EventId> events, Instant at);

    /** The embedded store, for one JVM (tests, single-node installations). */
    static BookingStore inMemory() {
        return new org.opengru.scheduling.booking.internal.InMemoryBookingStore();
    }
}
