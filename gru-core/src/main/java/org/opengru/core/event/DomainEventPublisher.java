package org.opengru.core.event;

import java.util.List;

/**
 * Where services hand their events once the change is stored. Services call it after the store
 * returns, never before: a refused or failed change publishes nothing.
 */
@FunctionalInterface
public interface DomainEventPublisher {

    void publish(List<? extends DomainEvent> events);

    /** Publishes nothing. */
    static DomainEventPublisher none() {
        return events -> {};
    }
}
