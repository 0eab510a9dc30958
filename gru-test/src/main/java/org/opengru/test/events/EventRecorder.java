package org.opengru.test.events;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.opengru.core.event.DomainEvent;
import org.opengru.core.event.DomainEvents;
import org.opengru.core.event.Subscription;

/**
 * Records every event published on a {@link DomainEvents} bus, in order, for assertions.
 *
 * <pre>{@code
 * try (EventRecorder events = EventRecorder.on(bus)) {
 *     service.submit(...);
 *     RequestSubmitted submitted = events.single(RequestSubmitted.class);
 *     EventAssertions.assertThat(events).containsExactlyTypes(RequestSubmitted.class, StatusChanged.class);
 * }
 * }</pre>
 *
 * Thread-safe: events published from several threads are all kept.
 */
public final class EventRecorder implements AutoCloseable {

    private final List<DomainEvent> events = new CopyOnWriteArrayList<>();
    private final Subscription subscription;

    private EventRecorder(DomainEvents bus) {
        this.subscription = bus.subscribeAll(events::add);
    }

    /** Starts recording what {@code bus} publishes from now on. */
    public static EventRecorder on(DomainEvents bus) {
        return new EventRecorder(bus);
    }

    /** Every event recorded, in publication order. */
    public List<DomainEvent> all() {
        return List.copyOf(events);
    }

    /** The recorded events of one type (subtypes included), in order. */
    public <E extends DomainEvent> List<E> ofType(Class<E> type) {
        List<E> matching = new ArrayList<>();
        for (DomainEvent event : events) {
            if (type.isInstance(event)) {
                matching.add(type.cast(event));
            }
        }
        return matching;
    }

    /** The one recorded event of that type; fails, listing what was recorded, if there is not exactly one. */
    public <E extends DomainEvent> E single(Class<E> type) {
        List<E> matching = ofType(type);
        if (matching.size() != 1) {
            throw new AssertionError("Expected exactly one " + type.getSimpleName() + " but recorded " + matching.size()
                    + "; all events: " + describe(all()));
        }
        return matching.get(0);
    }

    /** Forgets what was recorded so far. */
    public void clear() {
        events.clear();
    }

    /** Stops recording. */
    @Override
    public void close() {
        subscription.cancel();
    }

    static String describe(List<DomainEvent> events) {
        StringBuilder text = new StringBuilder("[");
        for (DomainEvent event : events) {
            if (text.length() > 1) {
                text.append(", ");
            }
            text.append(event.type()).append('#').append(event.eventId());
        }
        return text.append(']').toString();
    }
}
