package org.opengru.core.changes;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;
import org.opengru.core.id.RequestId;
import org.opengru.core.internal.Checks;

/**
 * One change on one of an usager's requests: the request's state moved (submitted, taken in hand, decided,
 * complement asked...), or the town hall or the usager wrote on its thread. Carries no content: the
 * follower rereads the request through the access rules.
 *
 * @param request the request concerned
 * @param key unique among the usager's changes (an event's place in its request's log): tells a change
 *     already seen from a new one
 * @param kind what changed
 * @param occurredAt when, to the microsecond
 */
public record UsagerChange(RequestId request, String key, Kind kind, Instant occurredAt) {

    /** Letters, digits, {@code :}, {@code -} and {@code _}: a key travels in a cursor's token. */
    static final Pattern KEY = Pattern.compile("[A-Za-z0-9:_-]{1,100}");

    /** What changed. */
    public enum Kind {
        /** The request itself: its status, its assignee, its content. */
        REQUEST,
        /** A message shared with the usager on the request's thread (internal notes are never changes). */
        MESSAGE
    }

    /**
     * Checks the change.
     *
     * @param request the request concerned
     * @param key unique among the usager's changes (an event's place in its request's log)
     * @param kind what changed
     * @param occurredAt when, to the microsecond
     * @throws org.opengru.core.error.ValidationException naming {@code change.request}, {@code change.key},
     *     {@code change.kind} or {@code change.occurredAt} when absent or malformed
     */
    public UsagerChange {
        Checks.required("change.request", request);
        Checks.matches("change.key", key, KEY, "1-100 letters, digits, ':', '-' or '_'");
        Checks.required("change.kind", kind);
        occurredAt = Checks.required("change.occurredAt", occurredAt).truncatedTo(ChronoUnit.MICROS);
    }
}
