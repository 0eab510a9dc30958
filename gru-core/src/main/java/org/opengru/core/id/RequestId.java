package org.opengru.core.id;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;
import org.opengru.core.internal.Checks;

/**
 * Identifies a request (demande, dossier). Time-ordered (UUIDv7) when made by {@link IdGenerator}.
 *
 * @param value the UUID
 */
public record RequestId(@JsonValue UUID value) implements Comparable<RequestId> {

    /**
     * Checks that the UUID is present.
     *
     * @param value the UUID
     * @throws org.opengru.core.error.ValidationException naming {@code requestId} when it is missing
     */
    public RequestId {
        Checks.required("requestId", value);
    }

    /**
     * Wraps a UUID read from storage or from another system.
     *
     * @param value the UUID
     * @return the request's id
     * @throws org.opengru.core.error.ValidationException naming {@code requestId} when it is missing
     */
    public static RequestId of(UUID value) {
        return new RequestId(value);
    }

    /**
     * Parses the canonical text form; a malformed value is a {@link org.opengru.core.error.ValidationException}.
     *
     * @param text the 36-character canonical form, such as {@code 0195a0c3-7b2e-7c41-9d3a-5f0e8b7c6d21}
     * @return the request's id
     */
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
