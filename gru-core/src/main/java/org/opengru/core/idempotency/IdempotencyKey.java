package org.opengru.core.idempotency;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Pattern;
import org.opengru.core.internal.Checks;

/**
 * A client-chosen key that makes a command idempotent within a collectivité: a retry with the same key
 * (after a timeout or a dropped connection) returns the first outcome and has no second effect. Reusing
 * a key for a different command is an {@link org.opengru.core.error.IdempotencyConflictException}. Use a
 * UUID per user action, such as the {@code Idempotency-Key} HTTP header.
 */
public record IdempotencyKey(@JsonValue String value) {

    private static final Pattern FORMAT = Pattern.compile("[\\x21-\\x7E]{8,128}");

    public IdempotencyKey {
        Checks.matches("idempotencyKey", value, FORMAT, "8-128 printable ASCII characters without spaces");
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static IdempotencyKey of(String value) {
        return new IdempotencyKey(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
