package org.opengru.core.event;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-process event bus: listeners subscribe by event type (subtypes included) and are called
 * synchronously, in subscription order, on the thread that completed the change. A failing listener is
 * logged and does not stop the others nor undo the change (it is already stored): reliable delivery to
 * other systems goes through the transactional outbox, not through listeners. Instance-scoped and
 * thread-safe.
 */
public final class DomainEvents implements DomainEventPublisher {

    private static final Logger LOG = LoggerFactory.getLogger(DomainEvents.class);

    private record Entry<E extends DomainEvent>(Class<E> type, DomainEventListener<? super E> listener) {
        void deliver(DomainEvent event) {
            if (type.isInstance(event)) {
                listener.on(type.cast(event));
            }
        }
    }

    private final CopyOnWriteArrayList<Entry<?>> entries = new CopyOnWriteArrayList<>();

    /** A bus without listeners. */
    public DomainEvents() {}

    /**
     * Calls the listener for every published event of that type or a subtype.
     *
     * @param <E> the event type
     * @param type the event class, such as {@code RequestSubmitted.class}
     * @param listener the listener
     * @return the subscription, to cancel it
     */
    public <E extends DomainEvent> Subscription subscribe(Class<E> type, DomainEventListener<? super E> listener) {
        Entry<E> entry =
                new Entry<>(Objects.requireNonNull(type, "type"), Objects.requireNonNull(listener, "listener"));
        entries.add(entry);
        return () -> entries.remove(entry);
    }

    /**
     * Calls the listener for every published event.
     *
     * @param listener the listener
     * @return the subscription, to cancel it
     */
    public Subscription subscribeAll(DomainEventListener<DomainEvent> listener) {
        return subscribe(DomainEvent.class, listener);
    }

    @Override
    public void publish(List<? extends DomainEvent> events) {
        for (DomainEvent event : events) {
            for (Entry<?> entry : entries) {
                try {
                    entry.deliver(event);
                } catch (RuntimeException e) {
                    LOG.warn("listener {} failed on {} {}", entry.listener(), event.type(), event.eventId(), e);
                }
            }
        }
    }
}
