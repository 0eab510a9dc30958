package org.opengru.test.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opengru.core.event.DomainEvent;
import org.opengru.core.event.DomainEvents;
import org.opengru.core.id.EventId;
import org.opengru.core.tenancy.TenantId;

class EventRecorderTest {

    record Happened(EventId eventId, TenantId tenant, Instant occurredAt) implements DomainEvent {}

    record Other(EventId eventId, TenantId tenant, Instant occurredAt) implements DomainEvent {}

    private static final TenantId TENANT = TenantId.of("commune-a");

    private static Happened happened(Instant at) {
        return new Happened(EventId.of(UUID.randomUUID()), TENANT, at);
    }

    @Test
    void recordsWhatIsPublishedUntilClosed() {
        DomainEvents bus = new DomainEvents();
        EventRecorder events = EventRecorder.on(bus);
        Happened first = happened(Instant.parse("2026-01-01T10:00:00Z"));
        Other second = new Other(EventId.of(UUID.randomUUID()), TENANT, Instant.parse("2026-01-01T10:01:00Z"));
        bus.publish(List.of(first, second));
        events.close();
        bus.publish(List.of(happened(Instant.parse("2026-01-01T10:02:00Z"))));

        assertThat(events.all()).containsExactly(first, second);
        assertThat(events.single(Happened.class)).isEqualTo(first);
        EventAssertions.assertThat(events)
                .containsExactlyTypes(Happened.class, Other.class)
                .allBelongTo(TENANT)
                .haveDistinctIds()
                .areInTimeOrder();
    }

    @Test
    void assertionsFailWithTheEventsInTheMessage() {
        DomainEvents bus = new DomainEvents();
        EventRecorder events = EventRecorder.on(bus);
        Happened late = happened(Instant.parse("2026-01-01T10:00:00Z"));
        Happened early = happened(Instant.parse("2026-01-01T09:00:00Z"));
        bus.publish(List.of(late, early));

        assertThatThrownBy(() -> events.single(Happened.class))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("recorded 2");
        assertThatThrownBy(() -> EventAssertions.assertThat(events).areInTimeOrder())
                .isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> EventAssertions.assertThat(events).allBelongTo(TenantId.of("commune-b")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("commune-b");
        assertThatThrownBy(() -> EventAssertions.assertThat(events).isEmptyOfEvents())
                .isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> EventAssertions.assertThat(List.<DomainEvent>of(late, late))
                        .haveDistinctIds())
                .isInstanceOf(AssertionError.class);
    }
}
