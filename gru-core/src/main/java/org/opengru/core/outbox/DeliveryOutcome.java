package org.opengru.core.outbox;

import java.time.Instant;
import org.opengru.core.internal.Checks;

/** What the relay decided for one claimed delivery; the outbox stores it with {@link Outbox#complete}. */
public sealed interface DeliveryOutcome {

    /** The subscriber acknowledged the event. */
    record Delivered(Instant at) implements DeliveryOutcome {}

    /** The attempt failed; try again at {@code nextAttemptAt}. */
    record Retry(Instant nextAttemptAt, String error) implements DeliveryOutcome {
        public Retry {
            error = Checks.text("error", error);
        }
    }

    /** The attempt failed and no more attempts will be made. */
    record Dead(String error) implements DeliveryOutcome {
        public Dead {
            error = Checks.text("error", error);
        }
    }

    /**
     * Not attempted: back to pending, due at {@code dueAt}, no attempt counted (the relay's lease had too
     * little time left for the call to end before another relay may take the record over).
     */
    record Released(Instant dueAt) implements DeliveryOutcome {}
}
