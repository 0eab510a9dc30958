package org.opengru.scheduling.internal;

import java.time.Duration;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.opengru.core.error.ValidationException;

/** Argument checks that throw a {@link ValidationException} naming the field and the value. */
public final class Check {

    private Check() {}

    public static <T> T required(String field, @Nullable T value) {
        if (value == null) {
            throw new ValidationException(field, null, "is required");
        }
        return value;
    }

    public static String text(String field, @Nullable String value, int max) {
        if (value == null || value.isBlank()) {
            throw new ValidationException(field, value, "must not be blank");
        }
        String s = value.strip();
        if (s.length() > max) {
            throw new ValidationException(field, value, "must be at most " + max + " characters");
        }
        return s;
    }

    public static String matches(String field, @Nullable String value, Pattern pattern, String expected) {
        if (value == null || !pattern.matcher(value).matches()) {
            throw new ValidationException(field, value, "must be " + expected);
        }
        return value;
    }

    public static void that(boolean condition, String field, @Nullable Object value, String reason) {
        if (!condition) {
            throw new ValidationException(field, value, reason);
        }
    }

    /** A duration of whole minutes within [min, max]. */
    public static Duration minutes(String field, @Nullable Duration value, Duration min, Duration max) {
        required(field, value);
        that(value.toSecondsPart() == 0 && value.toNanosPart() == 0, field, value, "must be whole minutes");
        that(
                value.compareTo(min) >= 0 && value.compareTo(max) <= 0,
                field,
                value,
                "must be between " + min + " and " + max);
        return value;
    }
}
