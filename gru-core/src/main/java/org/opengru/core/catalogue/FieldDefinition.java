package org.opengru.core.catalogue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jspecify.annotations.Nullable;
import org.opengru.core.error.ValidationException;
import org.opengru.core.internal.Checks;

/**
 * One field of a démarche's form. {@code pattern} (a Java regular expression matching the whole value)
 * and {@code maxLength} apply to text; {@code min}/{@code max} to numbers; {@code minDate}/{@code maxDate}
 * to dates; {@code choices} to single and multiple choices. {@code when}: the field applies only when the
 * condition holds (otherwise it must be left empty); {@code required} then means "required when it
 * applies".
 */
public record FieldDefinition(
        String name,
        String label,
        FieldType type,
        boolean required,
        @Nullable String pattern,
        @Nullable Integer maxLength,
        @Nullable BigDecimal min,
        @Nullable BigDecimal max,
        @Nullable LocalDate minDate,
        @Nullable LocalDate maxDate,
        @Nullable List<String> choices,
        @Nullable Condition when) {

    private static final Pattern NAME = Pattern.compile("[a-zA-Z][a-zA-Z0-9_]{0,63}");

    public FieldDefinition {
        Checks.matches("field.name", name, NAME, "a letter then letters, digits or '_' (64 at most)");
        label = Checks.text("field." + name + ".label", label, 500);
        Checks.required("field." + name + ".type", type);
        if (pattern != null) {
            Checks.check(type == FieldType.TEXT, "field." + name + ".pattern", pattern, "applies to TEXT fields only");
            try {
                Pattern.compile(pattern);
            } catch (PatternSyntaxException e) {
                throw new ValidationException(
                        "field." + name + ".pattern", pattern, "is not a valid regular expression");
            }
        }
        if (maxLength != null) {
            Checks.check(
                    type == FieldType.TEXT && maxLength > 0,
                    "field." + name + ".maxLength",
                    maxLength,
                    "applies to TEXT fields and must be positive");
        }
        if (min != null || max != null) {
            Checks.check(
                    type == FieldType.NUMBER,
                    "field." + name + ".min",
                    min != null ? min : max,
                    "applies to NUMBER fields only");
        }
        if (min != null && max != null) {
            Checks.check(min.compareTo(max) <= 0, "field." + name + ".max", max, "must not be below min " + min);
        }
        if (minDate != null || maxDate != null) {
            Checks.check(
                    type == FieldType.DATE,
                    "field." + name + ".minDate",
                    minDate != null ? minDate : maxDate,
                    "applies to DATE fields only");
        }
        if (minDate != null && maxDate != null) {
            Checks.check(
                    !minDate.isAfter(maxDate),
                    "field." + name + ".maxDate",
                    maxDate,
                    "must not be before minDate " + minDate);
        }
        boolean choice = type == FieldType.SINGLE_CHOICE || type == FieldType.MULTIPLE_CHOICE;
        if (choice) {
            Checks.check(
                    choices != null && !choices.isEmpty(),
                    "field." + name + ".choices",
                    choices,
                    "must list the choices");
            choices = List.copyOf(choices);
            Checks.check(
                    new HashSet<>(choices).size() == choices.size(),
                    "field." + name + ".choices",
                    choices,
                    "must not repeat a choice");
        } else {
            Checks.check(
                    choices == null || choices.isEmpty(),
                    "field." + name + ".choices",
                    choices,
                    "apply to choice fields only");
            choices = null;
        }
        if (when != null) {
            Checks.check(
                    !when.field().equals(name),
                    "field." + name + ".when",
                    when.field(),
                    "a field cannot depend on itself");
        }
    }

    /** A field with no constraint beyond its type. */
    public static FieldDefinition of(String name, String label, FieldType type, boolean required) {
        return new FieldDefinition(name, label, type, required, null, null, null, null, null, null, null, null);
    }

    public static FieldDefinition choice(
            String name, String label, FieldType type, boolean required, List<String> choices) {
        return new FieldDefinition(name, label, type, required, null, null, null, null, null, null, choices, null);
    }

    public FieldDefinition withPattern(String regex) {
        return new FieldDefinition(
                name, label, type, required, regex, maxLength, min, max, minDate, maxDate, choices, when);
    }

    public FieldDefinition withRange(@Nullable BigDecimal low, @Nullable BigDecimal high) {
        return new FieldDefinition(
                name, label, type, required, pattern, maxLength, low, high, minDate, maxDate, choices, when);
    }

    public FieldDefinition withDateRange(@Nullable LocalDate low, @Nullable LocalDate high) {
        return new FieldDefinition(name, label, type, required, pattern, maxLength, min, max, low, high, choices, when);
    }

    public FieldDefinition when(Condition condition) {
        return new FieldDefinition(
                name, label, type, required, pattern, maxLength, min, max, minDate, maxDate, choices, condition);
    }
}
