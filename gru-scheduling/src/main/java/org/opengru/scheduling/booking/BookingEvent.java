package org.opengru.scheduling.booking;

import java.time.Instant;
import org.opengru.core.event.DomainEvent;
import org.opengru.core.id.EventId;
import org.opengru.core.tenancy.TenantId;
import org.opengru.scheduling.model.ResourceId;
import org.opengru.scheduling.model.ServiceId;

/**
 * Something happened to a booking. Written to the outbox in the same transaction as the change, and
 * published to in-process listeners once it is stored.
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
        int sequence)
        implements DomainEvent {

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
