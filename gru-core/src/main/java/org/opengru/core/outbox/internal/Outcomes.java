package org.opengru.core.outbox.internal;

import org.opengru.core.outbox.DeliveryOutcome;
import org.opengru.core.outbox.OutboxRecord;
import org.opengru.core.outbox.OutboxStatus;

/** Applies a delivery outcome to a record (shared by the adapters). */
public final class Outcomes {

    private Outcomes() {}

    public static OutboxRecord apply(OutboxRecord r, DeliveryOutcome outcome) {
        int attempts = r.attempts() + 1;
        if (outcome instanceof DeliveryOutcome.Delivered d) {
            // Delivered: the subscriber has the payload, the outbox keeps only its digest.
            return new OutboxRecord(
                    r.id(),
                    r.subscriber(),
                    r.message().pruned(),
                    r.streamSequence(),
                    OutboxStatus.DELIVERED,
                    attempts,
                    r.nextAttemptAt(),
                    null,
                    d.at());
        }
        if (outcome instanceof DeliveryOutcome.Released released) {
            return new OutboxRecord(
                    r.id(),
                    r.subscriber(),
                    r.message(),
                    r.streamSequence(),
                    OutboxStatus.PENDING,
                    r.attempts(),
                    released.dueAt(),
                    r.lastError(),
                    null);
        }
        if (outcome instanceof DeliveryOutcome.Retry retry) {
            return new OutboxRecord(
                    r.id(),
                    r.subscriber(),
                    r.message(),
                    r.streamSequence(),
                    OutboxStatus.PENDING,
                    attempts,
                    retry.nextAttemptAt(),
                    retry.error(),
                    null);
        }
        DeliveryOutcome.Dead dead = (DeliveryOutcome.Dead) outcome;
        return new OutboxRecord(
                r.id(),
                r.subscriber(),
                r.message(),
                r.streamSequence(),
                OutboxStatus.DEAD,
                attempts,
                r.nextAttemptAt(),
                dead.error(),
                null);
    }
}
