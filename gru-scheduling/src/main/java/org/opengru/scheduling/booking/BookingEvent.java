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

    /** An event without a previous start (every kind but a reschedule). */
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
        HELD,
        BOOKED,
        HOLD_EXPIRED,
        CANCELLED,
        RESCHEDULED,
        ATTENDED,
        NO_SHOW
    }

    @Override
    public String type() {
        return "scheduling.booking." + kind.name().toLowerCase(java.util.Locale.ROOT);
    }

    public static BookingEvent of(EventId id, Kind kind, Booking b, Instant at) {
        return new BookingEvent(
                id, b.tenant(), at, kind, b.id(), b.service(), b.resource(), b.start(), b.status(), b.sequence());
    }

    /** The reschedule of {@code moved}, which started at {@code previousStart} before. */
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

    /** The event kind recorded for a status a change leads to. */
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
