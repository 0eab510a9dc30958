package org.opengru.core.outbox;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One event as stored for one subscriber, with its delivery state.
 *
 * @param id the store's position, increasing in append order (not in commit order)
 * @param subscriber the subscriber this delivery is for
 * @param streamSequence 1, 2, 3... per aggregate, in commit order: consumers can spot a gap
 * @param attempts delivery attempts made so far
 * @param nextAttemptAt when the next attempt may run (while {@link OutboxStatus#PENDING})
 * @param lastError what the last failed attempt reported
 * @param message the event
 * @param status pending, delivered or dead
 * @param deliveredAt when it was delivered, or {@code null}
 */
public record OutboxRecord(
        long id,
        String subscriber,
        OutboxMessage message,
        long streamSequence,
        OutboxStatus status,
        int attempts,
        Instant nextAttemptAt,
        @Nullable String lastError,
        @Nullable Instant deliveredAt) {

    /**
     * The ordering key: subscriber, tenant, aggregate type and id.
     *
     * @return the key
     */
    public String streamKey() {
        return subscriber + "|" + message.tenant() + "|" + message.aggregateType() + "|" + message.aggregateId();
    }
}
