package org.opengru.core.outbox;

import java.time.Duration;

/**
 * Receives outbox events, such as the {@link org.opengru.core.webhook.WebhookSender} of the logiciel
 * métier. Called at least once per event, in order per aggregate; it must be idempotent on {@link
 * OutboxMessage#eventId()}.
 */
public interface OutboxSubscriber {

    /**
     * The subscriber name the outbox was configured with.
     *
     * @return the name
     */
    String name();

    /** The longest {@link #deliver} takes unless set otherwise: 30 seconds. */
    Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    /**
     * The longest one {@link #deliver} call may take (for HTTP, the whole call's timeout). The relay's
     * lease must be at least this long, and the relay starts a delivery only while this much of its lease
     * is left, so that no other relay takes the record over while the call may still succeed.
     *
     * @return the timeout
     */
    default Duration timeout() {
        return DEFAULT_TIMEOUT;
    }

    /**
     * Delivers one event; a thrown exception counts as a retryable failure.
     *
     * @param record the record
     * @return the result
     */
    DeliveryResult deliver(OutboxRecord record);

    /**
     * The result of one delivery attempt.
     *
     * @param delivered whether the subscriber acknowledged it
     * @param permanent for a failure, whether retrying cannot help
     * @param detail what the subscriber reported
     */
    record DeliveryResult(boolean delivered, boolean permanent, String detail) {

        /**
         * An acknowledged delivery.
         *
         * @param detail what the subscriber reported
         * @return the result
         */
        public static DeliveryResult ok(String detail) {
            return new DeliveryResult(true, false, detail);
        }

        /**
         * A failure worth retrying (timeout, 5xx, connection refused...).
         *
         * @param detail what happened
         * @return the result
         */
        public static DeliveryResult retry(String detail) {
            return new DeliveryResult(false, false, detail);
        }

        /**
         * A failure that retrying cannot fix: dead-letter at once.
         *
         * @param detail what happened
         * @return the result
         */
        public static DeliveryResult permanent(String detail) {
            return new DeliveryResult(false, true, detail);
        }
    }
}
