package org.opengru.scheduling.booking;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.opengru.core.event.DomainEvent;
import org.opengru.core.id.EventId;
import org.opengru.core.tenancy.TenantId;
import org.opengru.scheduling.model.ResourceId;
import org.opengru.scheduling.model.ServiceId;

/**
 * Something happened to a booking. Written to the outbox in the same transaction as the change, and
 * published to in-process listeners once it is stored.
 *
 * @param previousStart for {@link Kind#RESCHEDULED}, the start it was moved from (the resident is told
 *     both); null otherwise
 * @param eventId the event's id
 * @param tenant the collectivité
 * @param occurredAt when it happened
 * @param kind what happened
 * @param booking the booking
 * @param service the service (motif)
 * @param resource the desk
 * @param start the appointment's start
 * @param status the booking's status after the change
 * @param sequence the booking's sequence after the change
 */
public record BookingEvent(
        EventId eventId,
        TenantId tenant,
        Instant occurredAt,
        Kind kind,
        BookingId booking,
        ServiceId service,
        ResourceId resource,
        Instant start,
        BookingStatus status,
        int sequence,
        @Nullable Instant previousStart)
        implements DomainEvent {

    /**
     * An event without a previous start (every kind but a reschedule).
     *
     * @param eventId the event's id
     * @param tenant the collectivité
     * @param occurredAt when it happened
     * @param kind what happened
     * @param booking the booking
     * @param service the service (motif)
     * @param resource the desk
     * @param start the appointment's start
     * @param status the booking's status after the change
     * @param sequence the booking's sequence after the change
     */
    public BookingEvent(
            EventId eventId,
            TenantId tenant,
            Instant occurredAt,
            Kind kind,
            BookingId booking,
            ServiceId service,
            ResourceId resource,
            Instant start,
            BookingStatus status,
            int sequence) {
        this(eventId, tenant, occurredAt, kind, booking, service, resource, start, status, sequence, null);
    }

    /** The kinds of booking events. */
    public enum Kind {
        /** A slot was held. */
        HELD,
        /** An appointment was booked, or a hold confirmed. */
        BOOKED,
        /** A hold ended unconfirmed (expired or released). */
        HOLD_EXPIRED,
        /** An appointment was cancelled, by the resident or an agent. */
        CANCELLED,
        /** An appointment moved; {@code previousStart} says from when. */
        RESCHEDULED,
        /** The resident came. */
        ATTENDED,
        /** The resident did not come. */
        NO_SHOW
    }

    @Override
    public String type() {
        return "scheduling.booking." + kind.name().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * The event of a change of {@code b}.
     *
     * @param id the event's id
     * @param kind what happened
     * @param b the booking after the change
     * @param at when it happened
     * @return the event
     */
    public static BookingEvent of(EventId id, Kind kind, Booking b, Instant at) {
        return new BookingEvent(
                id, b.tenant(), at, kind, b.id(), b.service(), b.resource(), b.start(), b.status(), b.sequence());
    }

    /**
     * The reschedule of {@code moved}, which started at {@code previousStart} before.
     *
     * @param id the event's id
     * @param moved the booking after the move
     * @param previousStart its start before
     * @param at when it moved
     * @return the event
     */
    public static BookingEvent moved(EventId id, Booking moved, Instant previousStart, Instant at) {
        return new BookingEvent(
                id,
                moved.tenant(),
                at,
                Kind.RESCHEDULED,
                moved.id(),
                moved.service(),
                moved.resource(),
                moved.start(),
                moved.status(),
                moved.sequence(),
                previousStart);
    }

    /**
     * The event kind recorded for a status a change leads to.
     *
     * @param action the lifecycle action
     * @return the kind
     */
    public static Kind kindFor(BookingAction action) {
        return switch (action) {
            case CONFIRM_HOLD -> Kind.BOOKED;
            case EXPIRE_HOLD, RELEASE_HOLD -> Kind.HOLD_EXPIRED;
            case CANCEL_BY_USAGER, CANCEL_BY_AGENT -> Kind.CANCELLED;
            case RESCHEDULE -> Kind.RESCHEDULED;
            case MARK_ATTENDED -> Kind.ATTENDED;
            case MARK_NO_SHOW -> Kind.NO_SHOW;
        };
    }
}
