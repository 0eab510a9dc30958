package org.opengru.core.notification;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.opengru.core.internal.Checks;

/**
 * Hours when no SMS may be sent (for example 21:00 to 08:00, Europe/Paris): an SMS due then waits for
 * the end of the period instead of waking the usager. The period may cross midnight.
 *
 * @param from the start of the quiet period
 * @param until its end
 * @param zone the zone of both times
 */
public record QuietHours(LocalTime from, LocalTime until, ZoneId zone) {

    /** The zone of metropolitan France. */
    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    /**
     * Checks the parts; start and end must differ.
     *
     * @param from the start of the quiet period
     * @param until its end
     * @param zone the zone of both times
     * @throws org.opengru.core.error.ValidationException naming {@code quietHours.<part>}
     */
    public QuietHours {
        Checks.required("quietHours.from", from);
        Checks.required("quietHours.until", until);
        Checks.required("quietHours.zone", zone);
        Checks.check(!from.equals(until), "quietHours.until", until, "must differ from quietHours.from");
    }

    /**
     * Quiet hours in Europe/Paris time.
     *
     * @param from the start
     * @param until the end
     * @return the quiet hours
     */
    public static QuietHours paris(LocalTime from, LocalTime until) {
        return new QuietHours(from, until, PARIS);
    }

    /**
     * Whether the instant falls inside the quiet period.
     *
     * @param at the instant
     * @return {@code true} when quiet
     */
    public boolean contains(Instant at) {
        LocalTime t = at.atZone(zone).toLocalTime();
        return from.isBefore(until) ? !t.isBefore(from) && t.isBefore(until) : !t.isBefore(from) || t.isBefore(until);
    }

    /**
     * The first instant at or after {@code at} outside the quiet period.
     *
     * @param at the instant
     * @return {@code at}, or the end of the quiet period
     */
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
