package org.opengru.core.outbox;

/** Where one delivery of an event to one subscriber stands. */
public enum OutboxStatus {
    /** Not delivered yet; retried until delivered or dead. */
    PENDING,
    /** The subscriber acknowledged it. */
    DELIVERED,
    /** Given up after the configured number of attempts; waits for an operator ({@link Outbox#retryDead}). */
    DEAD
}
