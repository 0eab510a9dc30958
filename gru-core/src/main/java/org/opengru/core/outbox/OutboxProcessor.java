package org.opengru.core.outbox;

/** Handles one claimed delivery; called by {@link Outbox#process} while the record's lease holds. */
@FunctionalInterface
public interface OutboxProcessor {

    DeliveryOutcome handle(OutboxRecord record);
}
