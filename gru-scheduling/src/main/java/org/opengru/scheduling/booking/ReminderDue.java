package org.opengru.scheduling.booking;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.opengru.core.event.DomainEvent;
import org.opengru.core.id.EventId;
import org.opengru.core.id.UsagerId;
import org.opengru.core.tenancy.TenantId;

/**
 * A reminder to send for a booked appointment, for the notification channel. Its event id is derived
 * from the booking, its sequence and the offset, so that computing it twice gives the same event
 * (consumers de-duplicate) and a rescheduled appointment gets a new reminder.
 *
 * @param eventId the event's id
 * @param tenant the collectivité
 * @param occurredAt when it happened
 * @param booking the booking
 * @param usager the resident
 * @param appointmentStart the appointment's start
 * @param before how long before the appointment the reminder goes
 */
public record ReminderDue(
        EventId eventId,
        TenantId tenant,
        Instant occurredAt,
        BookingId booking,
        UsagerId usager,
        Instant appointmentStart,
        Duration before)
        implements DomainEvent {

    @Override
    public String type() {
        return "scheduling.reminder.due";
    }

    static ReminderDue of(Booking b, Duration before) {
        String name = b.tenant() + "|" + b.id() + "|" + b.sequence() + "|" + before;
        EventId id = EventId.of(UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)));
        return new ReminderDue(id, b.tenant(), b.start().minus(before), b.id(), b.usager(), b.start(), before);
    }
}
