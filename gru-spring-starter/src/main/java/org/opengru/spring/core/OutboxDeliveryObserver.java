package org.opengru.spring.core;

import org.opengru.core.outbox.OutboxRecord;
import org.opengru.core.outbox.OutboxSubscriber;

/**
 * Told of every delivery attempt the outbox relay makes (for metrics or alerting). Define beans of
 * this type; the relay calls each one after each attempt. Must not throw.
 */
@FunctionalInterface
public interface OutboxDeliveryObserver {

    /** One attempt to deliver {@code record}, with its result (a thrown exception is a retry). */
    void attempted(OutboxRecord record, OutboxSubscriber.DeliveryResult result);
}
