package org.opengru.scheduling.booking;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.opengru.core.id.EventId;
import org.opengru.core.principal.ActorRef;

/**
 * Who makes a change, when, the id of the event it records, and an optional reason.
 *
 * @param actor who makes the change (pseudonymous)
 * @param at when
 * @param eventId the id of the event the change publishes
 * @param reason the cancellation reason, or {@code null}
 */
public record Change(
        ActorRef actor,
        Instant at,
        EventId eventId,
        @Nullable String reason) {

    /**
     * Checks the change.
     *
     * @param actor who makes the change (pseudonymous)
     * @param at when
     * @param eventId the id of the event the change publishes
     * @param reason the cancellation reason, or {@code null}
     * @throws NullPointerException naming a missing value
     */
    public Change {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(eventId, "eventId");
    }
}
