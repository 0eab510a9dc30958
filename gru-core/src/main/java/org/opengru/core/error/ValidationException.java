package org.opengru.core.error;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Bad input: one or more values refused, each naming its field and value. Nothing was changed.
 */
public class ValidationException extends GruException {

    private final List<Violation> violations;

    /**
     * One refused value.
     *
     * @param field the field, a dotted path such as {@code data.birthDate}
     * @param value the value as received, or {@code null} when absent
     * @param reason why it was refused, in English
     */
    public ValidationException(String field, @Nullable Object value, String reason) {
        this(List.of(Violation.of(field, value, reason)));
    }

    /**
     * Several refused values, reported together so that a form shows every error at once.
     *
     * @param violations the refused values, at least one
     * @throws IllegalArgumentException when {@code violations} is empty
     */
    public ValidationException(List<Violation> violations) {
        super(message(violations));
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("a ValidationException needs at least one violation");
        }
        this.violations = List.copyOf(violations);
    }

    private static String message(List<Violation> violations) {
        if (violations.size() == 1) {
            return "invalid " + violations.get(0);
        }
        StringBuilder sb = new StringBuilder(violations.size() + " invalid values: ");
        for (int i = 0; i < violations.size(); i++) {
            sb.append(i == 0 ? "" : "; ").append(violations.get(i));
        }
        return sb.toString();
    }

    /**
     * Every refused value, in the order found. Never empty.
     *
     * @return the violations
     */
    public List<Violation> violations() {
        return violations;
    }

    /**
     * The field of the first violation.
     *
     * @return the dotted path of the first refused field
     */
    public String field() {
        return violations.get(0).field();
    }

    /**
     * The value of the first violation, as text, or {@code null} when it was absent.
     *
     * @return the first refused value
     */
    public @Nullable String value() {
        return violations.get(0).value();
    }
}
