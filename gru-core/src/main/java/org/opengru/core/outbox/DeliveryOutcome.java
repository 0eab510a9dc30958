package org.opengru.core.outbox;

import java.time.Instant;
import org.opengru.core.internal.Checks;

/** What the relay decided for one claimed delivery; the outbox stores it with {@link Outbox#complete}. */
public sealed interface DeliveryOutcome {

    /**
     * The subscriber acknowledged the event.
     *
     * @param at when it was acknowledged
     */
    record Delivered(Instant at) implements DeliveryOutcome {}

    /**
     * The attempt failed; try again at {@code nextAttemptAt}.
     *
     * @param nextAttemptAt when the next attempt may run
     * @param error what the subscriber reported, cut by the relay
     */
    record Retry(Instant nextAttemptAt, String error) implements DeliveryOutcome {
        /**
         * Checks that the error is given.
         *
         * @param nextAttemptAt when the next attempt may run
         * @param error what the subscriber reported, cut by the relay
         * @throws org.opengru.core.error.ValidationException naming {@code error}
         */
        public Retry {
            error = Checks.text("error", error);
        }
    }

    /**
     * The attempt failed and no more attempts will be made.
     *
     * @param error what the subscriber reported, cut by the relay
     */
    record Dead(String error) implements DeliveryOutcome {
        /**
         * Checks that the error is given.
         *
         * @param error what the subscriber reported, cut by the relay
         * @throws org.opengru.core.error.ValidationException naming {@code error}
         */
        public Dead {
            error = Checks.text("error", error);
        }
    }

    /**
     * Not attempted: back to pending, due at {@code dueAt}, no attempt counted (the relay's lease had too
     * little time left for the call to end before another relay may take the record over).
     *
     * @param dueAt when it may be claimed again
     */
    record Released(Instant dueAt) implements DeliveryOutcome {}
}
