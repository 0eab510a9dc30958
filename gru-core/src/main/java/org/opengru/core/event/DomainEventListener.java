package org.opengru.core.event;

/**
 * Receives events of one type, after the change is stored.
 *
 * @param <E> the event type
 */
@FunctionalInterface
public interface DomainEventListener<E extends DomainEvent> {

    /**
     * Handles one event. An exception is logged; the change stays stored and other listeners still run.
     *
     * @param event the event
     */
    void on(E event);
}
