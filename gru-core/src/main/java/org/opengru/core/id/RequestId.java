package org.opengru.core.id;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;
import org.opengru.core.internal.Checks;

/** Identifies a request (demande, dossier). Time-ordered (UUIDv7) when made by {@link IdGenerator}. */
public record RequestId(@JsonValue UUID value) implements Comparable<RequestId> {

    public RequestId {
        Checks.required("requestId", value);
    }

    public static RequestId of(UUID value) {
        return new RequestId(value);
    }

    /** Parses the canonical text form; a malformed value is a {@link org.opengru.core.error.ValidationException}. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static RequestId parse(String text) {
        return new RequestId(Ids.parseUuid("requestId", text));
    }

    @Override
    public int compareTo(RequestId other) {
        return Ids.compareUnsigned(value, other.value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
