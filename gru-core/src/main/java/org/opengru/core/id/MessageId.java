package org.opengru.core.id;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;
import org.opengru.core.internal.Checks;

/** Identifies a message of an exchange thread. Time-ordered (UUIDv7) when made by {@link IdGenerator}. */
public record MessageId(@JsonValue UUID value) implements Comparable<MessageId> {

    public MessageId {
        Checks.required("messageId", value);
    }

    public static MessageId of(UUID value) {
        return new MessageId(value);
    }

    /** Parses the canonical text form; a malformed value is a {@link org.opengru.core.error.ValidationException}. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static MessageId parse(String text) {
        return new MessageId(Ids.parseUuid("messageId", text));
    }

    @Override
    public int compareTo(MessageId other) {
        return Ids.compareUnsigned(value, other.value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
