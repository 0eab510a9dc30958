package org.opengru.scheduling.registration;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.regex.Pattern;
import org.opengru.core.id.TeamId;
import org.opengru.core.tenancy.TenantId;
import org.opengru.scheduling.internal.Check;

/**
 * A session of an event (a week of the centre de loisirs, one workshop date) with its places: {@code
 * capacity} places, at most {@code perPersonLimit} registrations of one participant across the sessions
 * of the same {@code event} (waiting ones included), cancellation until {@code cancelUntil}, a price per
 * place in euro cents (0: free) held for {@code paymentHold} once a place is given, and the teams whose
 * agents manage it.
 */
public record EventSession(
        TenantId tenant,
        SessionId id,
        String event,
        String title,
        Instant startsAt,
        int capacity,
        int perPersonLimit,
        Instant cancelUntil,
        long priceCents,
        Duration paymentHold,
        Set<TeamId> teams) {

    private static final Pattern EVENT = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    /**
     * Checks every field.
     *
     * @param tenant the collectivité
     * @param id the session's code
     * @param event the event's code, shared by its sessions: 1 to 63 lower-case letters, digits or dashes
     * @param title the French title shown to residents, up to 200 characters
     * @param startsAt when the session starts
     * @param capacity the places, 1 to 100,000
     * @param perPersonLimit the most registrations of one participant across the event's sessions, 1 to 100
     * @param cancelUntil the cancellation deadline, not after the start
     * @param priceCents the price of a place in euro cents, 0 for a free session
     * @param paymentHold how long a place given is held for its payment, 5 minutes to 60 days
     * @param teams the teams whose agents manage the session, at least one
     * @throws org.opengru.core.error.ValidationException naming the missing or out-of-range field and its value
     */
    public EventSession {
        Check.required("session.tenant", tenant);
        Check.required("session.id", id);
        Check.matches("session.event", event, EVENT, "1 to 63 lower-case letters, digits or dashes");
        title = Check.text("session.title", title, 200);
        Check.required("session.startsAt", startsAt);
        Check.that(capacity >= 1 && capacity <= 100_000, "session.capacity", capacity, "must be between 1 and 100000");
        Check.that(
                perPersonLimit >= 1 && perPersonLimit <= 100,
                "session.perPersonLimit",
                perPersonLimit,
                "must be between 1 and 100");
        Check.required("session.cancelUntil", cancelUntil);
        Check.that(
                !cancelUntil.isAfter(startsAt),
                "session.cancelUntil",
                cancelUntil,
                "must not be after the start " + startsAt);
        Check.that(
                priceCents >= 0 && priceCents <= 10_000_000,
                "session.priceCents",
                priceCents,
                "must be between 0 and 10000000 cents");
        Check.minutes("session.paymentHold", paymentHold, Duration.ofMinutes(5), Duration.ofDays(60));
        teams = Set.copyOf(Check.required("session.teams", teams));
        Check.that(!teams.isEmpty(), "session.teams", teams, "must name the team whose agents manage it");
    }
}
