package org.opengru.core.catalogue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.opengru.core.internal.Checks;

/**
 * A simple condition on another field's value, making a field or a piece apply only in some cases:
 * {@code {"field": "regime", "operator": "IN", "values": ["demi-pension", "internat"]}}. Compares the text
 * form of the value ({@code true}/{@code false} for yes/no); for a multiple choice, {@code EQUALS} and
 * {@code IN} hold when any chosen value matches. Structured values compare by their key (see {@link
 * FieldType}): a commune by its code, an address by its INSEE code, a file by its document type, a group by
 * its number of items ({@code PRESENT}: at least one). Inside a repeated group, a condition refers to a
 * field of the same item.
 *
 * @param field the field compared, declared before the conditional one
 * @param operator how it is compared
 * @param values the values compared with, empty for {@code PRESENT} and {@code ABSENT}
 */
public record Condition(String field, Operator operator, List<String> values) {

    /** How the value is compared. */
    public enum Operator {
        /** The value is the given one. */
        EQUALS,
        /** The value is not the given one (an absent value is not equal). */
        NOT_EQUALS,
        /** The value is one of the given ones. */
        IN,
        /** The field has a value (values must be empty). */
        PRESENT,
        /** The field has no value (values must be empty). */
        ABSENT
    }

    /**
     * Checks the field's name and that the operator has the number of values it needs.
     *
     * @param field the field compared, declared before the conditional one
     * @param operator how it is compared
     * @param values the values compared with, empty for {@code PRESENT} and {@code ABSENT}
     * @throws org.opengru.core.error.ValidationException naming {@code condition.field}, {@code condition.operator} or
     *     {@code condition.values}
     */
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

    /**
     * A condition that holds when the field has that value.
     *
     * @param field the field compared
     * @param value the value, as text
     * @return the condition
     */
    public static Condition equalTo(String field, String value) {
        return new Condition(field, Operator.EQUALS, List.of(value));
    }

    /**
     * A condition that holds when the field has a value.
     *
     * @param field the field
     * @return the condition
     */
    public static Condition present(String field) {
        return new Condition(field, Operator.PRESENT, List.of());
    }

    /**
     * Whether the condition holds for the form data.
     *
     * @param data the request's form data
     * @return {@code true} when it holds
     */
    public boolean test(FormData data) {
        return test(data.asMap());
    }

    /** Whether the condition holds for these values (a form, or one item of a group). */
    boolean test(Map<String, ?> data) {
        @Nullable Object v = data.get(field);
        return switch (operator) {
            case PRESENT -> !isEmpty(v);
            case ABSENT -> isEmpty(v);
            case EQUALS, IN -> textValues(v).stream().anyMatch(values::contains);
            case NOT_EQUALS -> textValues(v).stream().noneMatch(values::contains);
        };
    }

    /** Whether a value counts as not given: absent, blank text, an empty list or object. */
    static boolean isEmpty(@Nullable Object v) {
        return v == null
                || (v instanceof String s && s.isBlank())
                || (v instanceof List<?> l && l.isEmpty())
                || (v instanceof Map<?, ?> m && m.isEmpty());
    }

    private static List<String> textValues(@Nullable Object v) {
        if (isEmpty(v)) {
            return List.of();
        }
        if (v instanceof List<?> list) {
            if (list.get(0) instanceof Map) {
                return List.of(String.valueOf(list.size()));
            }
            return list.stream().map(Objects::toString).toList();
        }
        if (v instanceof Map<?, ?> map) {
            for (String key : List.of("code", "citycode", "type")) {
                if (map.get(key) instanceof String s) {
                    return List.of(s);
                }
            }
            return List.of();
        }
        if (v instanceof BigDecimal d) {
            return List.of(d.stripTrailingZeros().toPlainString());
        }
        return List.of(Objects.requireNonNull(v).toString());
    }
}
