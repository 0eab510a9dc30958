package org.opengru.core.catalogue;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.opengru.core.internal.Checks;

/**
 * A simple condition on another field's value, making a field or a piece apply only in some cases:
 * {@code {"field": "regime", "operator": "IN", "values": ["demi-pension", "internat"]}}. Compares the text
 * form of the value ({@code true}/{@code false} for yes/no); for a multiple choice, {@code EQUALS} and
 * {@code IN} hold when any chosen value matches.
 */
public record Condition(String field, Operator operator, List<String> values) {

    /** How the value is compared. */
    public enum Operator {
        EQUALS,
        NOT_EQUALS,
        IN,
        /** The field has a value (values must be empty). */
        PRESENT,
        /** The field has no value (values must be empty). */
        ABSENT
    }

    public Condition {
        field = Checks.text("condition.field", field, 64);
        Checks.required("condition.operator", operator);
        values = values == null ? List.of() : List.copyOf(values);
        switch (operator) {
            case EQUALS, NOT_EQUALS ->
                Checks.check(
                        values.size() == 1, "condition.values", values, "must hold exactly one value for " + operator);
            case IN ->
                Checks.check(!values.isEmpty(), "condition.values", values, "must hold at least one value for IN");
            case PRESENT, ABSENT ->
                Checks.check(values.isEmpty(), "condition.values", values, "must be empty for " + operator);
        }
    }

    public static Condition equalTo(String field, String value) {
        return new Condition(field, Operator.EQUALS, List.of(value));
    }

    /** Whether the condition holds for the form data. */
    public boolean test(FormData data) {
        @Nullable Object v = data.get(field);
        List<String> actual = textValues(v);
        return switch (operator) {
            case PRESENT -> !actual.isEmpty();
            case ABSENT -> actual.isEmpty();
            case EQUALS, IN -> actual.stream().anyMatch(values::contains);
            case NOT_EQUALS -> actual.stream().noneMatch(values::contains);
        };
    }

    private static List<String> textValues(@Nullable Object v) {
        if (v == null) {
            return List.of();
        }
        if (v instanceof List<?> list) {
            return list.stream().map(Objects::toString).toList();
        }
        if (v instanceof java.math.BigDecimal d) {
            return List.of(d.stripTrailingZeros().toPlainString());
        }
        return List.of(v.toString());
    }
}
