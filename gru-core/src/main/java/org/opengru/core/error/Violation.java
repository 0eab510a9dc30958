package org.opengru.core.error;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One refused value: the field (a dotted path such as {@code data.birthDate}, {@code
 * data.children[1].birthDate} or {@code siret}), the value as received (rendered as text, {@code null} when
 * absent) and why it was refused. {@code reason} is English, for developers and logs. A violation may also
 * carry a stable {@code code} a program can switch on (such as {@code text.too-long}) and the reason in
 * French for the resident ({@code french}); both are {@code null} when the thrower gave none, and always
 * set for the values of a démarche's form.
 *
 * @param field the dotted path of the field
 * @param value the value as received, as text, or {@code null} when absent
 * @param reason why it was refused, in English
 * @param code a stable code such as {@code text.too-long}, or {@code null}
 * @param french the reason in French for the resident, or {@code null}; set exactly when {@code code} is
 */
public record Violation(
        String field,
        @Nullable String value,
        String reason,
        @Nullable String code,
        @Nullable String french) {

    /**
     * Checks that field and reason are present, and that code and French reason go together.
     *
     * @param field the dotted path of the field
     * @param value the value as received, as text, or {@code null} when absent
     * @param reason why it was refused, in English
     * @param code a stable code such as {@code text.too-long}, or {@code null}
     * @param french the reason in French for the resident, or {@code null}; set exactly when {@code code} is
     * @throws NullPointerException when {@code field} or {@code reason} is missing
     * @throws IllegalArgumentException when only one of {@code code} and {@code french} is given
     */
    public Violation {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(reason, "reason");
        if ((code == null) != (french == null)) {
            throw new IllegalArgumentException("a violation's code and French reason go together: " + code);
        }
    }

    /**
     * A violation with an English reason only.
     *
     * @param field the dotted path of the field
     * @param value the value as received, or {@code null} when absent
     * @param reason why it was refused, in English
     */
    public Violation(String field, @Nullable String value, String reason) {
        this(field, value, reason, null, null);
    }

    /**
     * A violation for any value, rendered with {@link String#valueOf(Object)}.
     *
     * @param field the dotted path of the field
     * @param value the value as received, or {@code null} when absent
     * @param reason why it was refused, in English
     * @return the violation, without code or French reason
     */
    public static Violation of(String field, @Nullable Object value, String reason) {
        return new Violation(field, text(value), reason);
    }

    /**
     * A violation with its stable code and its French reason for the resident.
     *
     * @param field the dotted path of the field
     * @param value the value as received, or {@code null} when absent
     * @param reason why it was refused, in English
     * @param code the stable code, such as {@code text.too-long}
     * @param french the reason in plain French, shown next to the field
     * @return the violation
     */
    public static Violation of(String field, @Nullable Object value, String reason, String code, String french) {
        return new Violation(
                field,
                text(value),
                reason,
                Objects.requireNonNull(code, "code"),
                Objects.requireNonNull(french, "french"));
    }

    /**
     * The same violation about another field (a value checked on its own, then placed in a form).
     *
     * @param otherField the dotted path of the field in its new place
     * @return the violation with that field, the rest unchanged
     */
    public Violation at(String otherField) {
        return new Violation(otherField, value, reason, code, french);
    }

    private static @Nullable String text(@Nullable Object value) {
        return value == null ? null : String.valueOf(value);
    }

    @Override
    public String toString() {
        return field + "=" + (value == null ? "<absent>" : "'" + value + "'") + ": " + reason;
    }
}
