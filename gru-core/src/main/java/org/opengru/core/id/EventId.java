package org.opengru.core.id;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;
import org.opengru.core.internal.Checks;

/** Identifies a domain event; stable, so that consumers can de-duplicate. Time-ordered (UUIDv7) when made by {@link IdGenerator}. */
public record EventId(@JsonValue UUID value) implements Comparable<EventId> {

    public EventId {
        Checks.required("eventId", value);
    }

    public static EventId of(UUID value) {
        return new EventId(value);
    }

    /** Parses the canonical text form; a malformed value is a {@link org.opengru.core.error.ValidationException}. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static EventId parse(String text) {
        return new EventId(Ids.parseUuid("eventId", text));
    }

    @Override
    public int compareTo(EventId other) {
        return Ids.compareUnsigned(value, other.value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
