package org.opengru.core.error;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One refused value: the field (a dotted path such as {@code data.birthDate} or {@code siret}), the
 * value as received (rendered as text, {@code null} when absent) and why it was refused.
 */
public record Violation(String field, @Nullable String value, String reason) {

    public Violation {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(reason, "reason");
    }

    /** A violation for any value, rendered with {@link String#valueOf(Object)}. */
    public static Violation of(String field, @Nullable Object value, String reason) {
        return new Violation(field, value == null ? null : String.valueOf(value), reason);
    }

    @Override
    public String toString() {
        return field + "=" + (value == null ? "<absent>" : "'" + value + "'") + ": " + reason;
    }
}
