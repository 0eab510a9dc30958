package org.opengru.test.events;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.assertj.core.api.AbstractAssert;
import org.opengru.core.event.DomainEvent;
import org.opengru.core.id.EventId;
import org.opengru.core.tenancy.TenantId;

/** AssertJ assertions on recorded domain events. */
public final class EventAssertions extends AbstractAssert<EventAssertions, List<DomainEvent>> {

    private EventAssertions(List<DomainEvent> events) {
        super(events, EventAssertions.class);
    }

    public static EventAssertions assertThat(EventRecorder recorder) {
        return new EventAssertions(recorder.all());
    }

    public static EventAssertions assertThat(List<DomainEvent> events) {
        return new EventAssertions(List.copyOf(events));
    }

    /** The events are exactly of these types, in this order. */
    @SafeVarargs
    public final EventAssertions containsExactlyTypes(Class<? extends DomainEvent>... types) {
        isNotNull();
        boolean same = actual.size() == types.length;
        for (int i = 0; same && i < types.length; i++) {
            same = types[i].isInstance(actual.get(i));
        }
        if (!same) {
            failWithMessage("Expected events of types %s but got %s", List.of(types), EventRecorder.describe(actual));
        }
        return this;
    }

    /** No event was published. */
    public EventAssertions isEmptyOfEvents() {
        isNotNull();
        if (!actual.isEmpty()) {
            failWithMessage("Expected no event but got %s", EventRecorder.describe(actual));
        }
        return this;
    }

    /** Every event belongs to {@code tenant}: nothing leaked to another collectivité. */
    public EventAssertions allBelongTo(TenantId tenant) {
        isNotNull();
        for (DomainEvent event : actual) {
            if (!event.tenant().equals(tenant)) {
                failWithMessage(
                        "Expected every event in tenant %s but %s#%s is in %s",
                        tenant, event.type(), event.eventId(), event.tenant());
            }
        }
        return this;
    }

    /** No two events share an id (consumers de-duplicate on it). */
    public EventAssertions haveDistinctIds() {
        isNotNull();
        Set<EventId> seen = new HashSet<>();
        for (DomainEvent event : actual) {
            if (!seen.add(event.eventId())) {
                failWithMessage("Event id %s appears twice in %s", event.eventId(), EventRecorder.describe(actual));
            }
        }
        return this;
    }

    /** Events are in non-decreasing time order. */
    public EventAssertions areInTimeOrder() {
        isNotNull();
        for (int i = 1; i < actual.size(); i++) {
            if (actual.get(i).occurredAt().isBefore(actual.get(i - 1).occurredAt())) {
                failWithMessage(
                        "Event %s occurred before the event published ahead of it in %s",
                        actual.get(i).eventId(), EventRecorder.describe(actual));
            }
        }
        return this;
    }
}
