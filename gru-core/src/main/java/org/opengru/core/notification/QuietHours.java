package org.opengru.core.notification;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.opengru.core.internal.Checks;

/**
 * Hours when no SMS may be sent (for example 21:00 to 08:00, Europe/Paris): an SMS due then waits for
 * the end of the period instead of waking the usager. The period may cross midnight.
 */
public record QuietHours(LocalTime from, LocalTime until, ZoneId zone) {

    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    public QuietHours {
        Checks.required("quietHours.from", from);
        Checks.required("quietHours.until", until);
        Checks.required("quietHours.zone", zone);
        Checks.check(!from.equals(until), "quietHours.until", until, "must differ from quietHours.from");
    }

    /** Quiet hours in Europe/Paris time. */
    public static QuietHours paris(LocalTime from, LocalTime until) {
        return new QuietHours(from, until, PARIS);
    }

    /** Whether the instant falls inside the quiet period. */
    public boolean contains(Instant at) {
        LocalTime t = at.atZone(zone).toLocalTime();
        return from.isBefore(until) ? !t.isBefore(from) && t.isBefore(until) : !t.isBefore(from) || t.isBefore(until);
    }

    /** The first instant at or after {@code at} outside the quiet period. */
    public Instant nextAllowed(Instant at) {
        if (!contains(at)) {
            return at;
        }
        ZonedDateTime z = at.atZone(zone);
        ZonedDateTime end = z.toLocalDate().atTime(until).atZone(zone);
        if (!end.isAfter(z)) {
            end = z.toLocalDate().plusDays(1).atTime(until).atZone(zone);
        }
        return end.toInstant();
    }
}
