package org.opengru.core.event;

import java.util.List;

/**
 * Where services hand their events once the change is stored. Services call it after the store
 * returns, never before: a refused or failed change publishes nothing.
 */
@FunctionalInterface
public interface DomainEventPublisher {

    /**
     * Hands over the events of one stored change, in the order they happened.
     *
     * @param events the events, possibly none
     */
    void publish(List<? extends DomainEvent> events);

    /**
     * Publishes nothing.
     *
     * @return a publisher that drops every event
     */
    static DomainEventPublisher none() {
        return events -> {};
    }
}
