package org.opengru.core.internal;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.opengru.core.error.ValidationException;

/** Argument checks that throw {@link ValidationException} naming the field and the value. */
public final class Checks {

    private Checks() {}

    /** The value, or a {@link ValidationException} naming the field when it is {@code null}. */
    public static <T> T required(String field, @Nullable T value) {
        if (value == null) {
            throw new ValidationException(field, null, "is required");
        }
        return value;
    }

    /** A non-blank string, stripped. */
    public static String text(String field, @Nullable String value) {
        if (value == null || value.isBlank()) {
            throw new ValidationException(field, value, "must not be blank");
        }
        return value.strip();
    }

    /** A non-blank string of at most {@code max} characters, stripped. */
    public static String text(String field, @Nullable String value, int max) {
        String s = text(field, value);
        if (s.length() > max) {
            throw new ValidationException(field, value, "must be at most " + max + " characters");
        }
        return s;
    }

    /** A string matching the pattern in full. */
    public static String matches(String field, @Nullable String value, Pattern pattern, String expected) {
        if (value == null || !pattern.matcher(value).matches()) {
            throw new ValidationException(field, value, "must be " + expected);
        }
        return value;
    }

    /** As {@link #check(boolean, String, Object, String)}, building the reason only on failure (hot paths). */
    public static void check(
            boolean condition, String field, @Nullable Object value, java.util.function.Supplier<String> reason) {
        if (!condition) {
            throw new ValidationException(field, value, reason.get());
        }
    }

    public static void check(boolean condition, String field, @Nullable Object value, String reason) {
        if (!condition) {
            throw new ValidationException(field, value, reason);
        }
    }
}
