package org.opengru.core.id;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;
import org.opengru.core.internal.Checks;

/** Identifies an usager (person, household or organisation) within a collectivité. Time-ordered (UUIDv7) when made by {@link IdGenerator}. */
public record UsagerId(@JsonValue UUID value) implements Comparable<UsagerId> {

    public UsagerId {
        Checks.required("usagerId", value);
    }

    public static UsagerId of(UUID value) {
        return new UsagerId(value);
    }

    /** Parses the canonical text form; a malformed value is a {@link org.opengru.core.error.ValidationException}. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static UsagerId parse(String text) {
        return new UsagerId(Ids.parseUuid("usagerId", text));
    }

    @Override
    public int compareTo(UsagerId other) {
        return Ids.compareUnsigned(value, other.value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
