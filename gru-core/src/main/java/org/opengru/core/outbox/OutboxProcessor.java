package org.opengru.core.outbox;

/** Handles one claimed delivery; called by {@link Outbox#process} while the record's lease holds. */
@FunctionalInterface
public interface OutboxProcessor {

    /**
     * Decides the outcome of one record.
     *
     * @param record the record
     * @return the outcome
     */
    DeliveryOutcome handle(OutboxRecord record);
}
