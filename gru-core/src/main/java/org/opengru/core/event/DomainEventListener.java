package org.opengru.core.event;

/** Receives events of one type, after the change is stored. */
@FunctionalInterface
public interface DomainEventListener<E extends DomainEvent> {

    void on(E event);
}
