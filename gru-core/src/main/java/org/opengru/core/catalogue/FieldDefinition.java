package org.opengru.core.catalogue;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jspecify.annotations.Nullable;
import org.opengru.core.error.ValidationException;
import org.opengru.core.internal.Checks;

/**
 * One field of a démarche's form. Options, each for some types only (any other combination is refused):
 *
 * <ul>
 *   <li>{@code pattern} (a Java regular expression matching the whole value) and {@code maxLength}: text;
 *   <li>{@code min}/{@code max}: numbers;
 *   <li>{@code minDate}/{@code maxDate}: dates and date ranges (both ends); {@code maxDays}: the longest date
 *       range, in days, start and end included;
 *   <li>{@code choices}: single and multiple choices, as codes (what the form data holds, for machines);
 *       {@code choiceLabels}: what people read for each code ({@code {ecole-jules-ferry: École Jules-Ferry}}),
 *       all of them or none (a definition without labels shows the codes);
 *   <li>{@code verify}: an address is checked and geocoded against the Base Adresse Nationale ({@link
 *       AddressCheck}); {@code minScore} (0 to 1, default 0.6): the geocoder's score it needs;
 *   <li>{@code bounds}: where a point may lie; {@code maxAccuracy}: the largest accuracy radius accepted, in
 *       metres;
 *   <li>{@code fields}: the sub-form of a repeated group (no group within a group); {@code minItems}/{@code
 *       maxItems} (default 50): how many items a non-empty group holds;
 *   <li>{@code documentType}: the document type of a file (required for files).
 * </ul>
 *
 * {@code when}: the field applies only when the condition holds (otherwise it must be left empty); {@code
 * required} then means "required when it applies" (for a group: at least one item).
 *
 * @param name the field's name in the form data: a letter, then letters, digits or {@code _} (64 at most)
 * @param label what the resident reads, at most 500 characters
 * @param type the field's type
 * @param required whether a value is needed on submission (when the field applies)
 * @param pattern the regular expression a text must match, or {@code null}
 * @param maxLength the longest text, or {@code null}
 * @param min the smallest number, or {@code null}
 * @param max the largest number, or {@code null}
 * @param minDate the earliest date, or {@code null}
 * @param maxDate the latest date, or {@code null}
 * @param choices the codes of a choice, or {@code null} for other types
 * @param when the condition under which the field applies, or {@code null} (always)
 * @param verify whether an address is checked against the Base Adresse Nationale
 * @param minScore the geocoder's score a verified address needs, or {@code null} for the default
 * @param bounds where a point may lie, or {@code null}
 * @param maxAccuracy the largest accuracy radius of a point, in metres, or {@code null}
 * @param fields the sub-form of a repeated group, or {@code null} for other types
 * @param minItems the fewest items of a non-empty group, or {@code null}
 * @param maxItems the most items of a group, or {@code null} for {@link #DEFAULT_MAX_ITEMS}
 * @param documentType the document type of a file, or {@code null} for other types
 * @param maxDays the longest date range in days, or {@code null}
 * @param choiceLabels what people read for each choice's code, or {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
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
        @Nullable Condition when,

        @JsonInclude(JsonInclude.Include.NON_DEFAULT) @JsonSetter(nulls = Nulls.AS_EMPTY)
        boolean verify,

        @Nullable BigDecimal minScore,
        @Nullable GeoBounds bounds,
        @Nullable BigDecimal maxAccuracy,
        @Nullable DataSchema fields,
        @Nullable Integer minItems,
        @Nullable Integer maxItems,
        @Nullable DocumentTypeCode documentType,
        @Nullable Integer maxDays,
        @Nullable Map<String, String> choiceLabels) {

    /** The most items a group holds when the definition says nothing. */
    public static final int DEFAULT_MAX_ITEMS = 50;

    /** The geocoder's score a verified address needs when the definition says nothing. */
    public static final BigDecimal DEFAULT_MIN_SCORE = new BigDecimal("0.6");

    private static final Pattern NAME = Pattern.compile("[a-zA-Z][a-zA-Z0-9_]{0,63}");

    /**
     * Checks the name and label, and that each option suits the type (a pattern on a date is refused).
     *
     * @param name the field's name in the form data: a letter, then letters, digits or {@code _} (64 at most)
     * @param label what the resident reads, at most 500 characters
     * @param type the field's type
     * @param required whether a value is needed on submission (when the field applies)
     * @param pattern the regular expression a text must match, or {@code null}
     * @param maxLength the longest text, or {@code null}
     * @param min the smallest number, or {@code null}
     * @param max the largest number, or {@code null}
     * @param minDate the earliest date, or {@code null}
     * @param maxDate the latest date, or {@code null}
     * @param choices the codes of a choice, or {@code null} for other types
     * @param when the condition under which the field applies, or {@code null} (always)
     * @param verify whether an address is checked against the Base Adresse Nationale
     * @param minScore the geocoder's score a verified address needs, or {@code null} for the default
     * @param bounds where a point may lie, or {@code null}
     * @param maxAccuracy the largest accuracy radius of a point, in metres, or {@code null}
     * @param fields the sub-form of a repeated group, or {@code null} for other types
     * @param minItems the fewest items of a non-empty group, or {@code null}
     * @param maxItems the most items of a group, or {@code null} for {@link #DEFAULT_MAX_ITEMS}
     * @param documentType the document type of a file, or {@code null} for other types
     * @param maxDays the longest date range in days, or {@code null}
     * @param choiceLabels what people read for each choice's code, or {@code null}
     * @throws org.opengru.core.error.ValidationException naming {@code field.<name>.<option>} and the value
     */
    public FieldDefinition {
        Checks.matches("field.name", name, NAME, "a letter then letters, digits or '_' (64 at most)");
        label = Checks.text("field." + name + ".label", label, 500);
        Checks.required("field." + name + ".type", type);
        String at = "field." + name + ".";
        if (pattern != null) {
            only(type == FieldType.TEXT, at + "pattern", pattern, "TEXT");
            try {
                Pattern.compile(pattern);
            } catch (PatternSyntaxException e) {
                throw new ValidationException(at + "pattern", pattern, "is not a valid regular expression");
            }
        }
        if (maxLength != null) {
            Checks.check(
                    type == FieldType.TEXT && maxLength > 0,
                    at + "maxLength",
                    maxLength,
                    "applies to TEXT fields and must be positive");
        }
        if (min != null || max != null) {
            only(type == FieldType.NUMBER, at + "min", min != null ? min : max, "NUMBER");
        }
        if (min != null && max != null) {
            Checks.check(min.compareTo(max) <= 0, at + "max", max, "must not be below min " + min);
        }
        if (minDate != null || maxDate != null) {
            Checks.check(
                    type == FieldType.DATE || type == FieldType.DATE_RANGE,
                    at + "minDate",
                    minDate != null ? minDate : maxDate,
                    "applies to DATE and DATE_RANGE fields only");
        }
        if (minDate != null && maxDate != null) {
            Checks.check(!minDate.isAfter(maxDate), at + "maxDate", maxDate, "must not be before minDate " + minDate);
        }
        boolean choice = type == FieldType.SINGLE_CHOICE || type == FieldType.MULTIPLE_CHOICE;
        if (choice) {
            Checks.check(choices != null && !choices.isEmpty(), at + "choices", choices, "must list the choices");
            choices = List.copyOf(choices);
            Checks.check(
                    new HashSet<>(choices).size() == choices.size(),
                    at + "choices",
                    choices,
                    "must not repeat a choice");
        } else {
            Checks.check(choices == null || choices.isEmpty(), at + "choices", choices, "apply to choice fields only");
            choices = null;
        }
        if (choiceLabels != null && !choiceLabels.isEmpty()) {
            Checks.check(choice, at + "choiceLabels", choiceLabels.keySet(), "apply to choice fields only");
            List<String> codes = choices;
            Checks.check(
                    choiceLabels.keySet().equals(new HashSet<>(codes)),
                    at + "choiceLabels",
                    choiceLabels.keySet(),
                    () -> "must label each choice " + codes + " and no other");
            Map<String, String> labels = new LinkedHashMap<>();
            for (String code : codes) {
                labels.put(code, Checks.text(at + "choiceLabels." + code, choiceLabels.get(code), 200));
            }
            choiceLabels = Collections.unmodifiableMap(labels);
        } else {
            choiceLabels = null;
        }
        if (when != null) {
            Checks.check(!when.field().equals(name), at + "when", when.field(), "a field cannot depend on itself");
        }
        if (verify) {
            only(type == FieldType.ADDRESS, at + "verify", true, "ADDRESS");
        }
        if (minScore != null) {
            Checks.check(verify, at + "minScore", minScore, "applies to ADDRESS fields with verify only");
            Checks.check(
                    minScore.signum() > 0 && minScore.compareTo(BigDecimal.ONE) <= 0,
                    at + "minScore",
                    minScore,
                    "must be above 0 and at most 1");
        }
        if (bounds != null) {
            only(type == FieldType.GEO_POINT, at + "bounds", bounds, "GEO_POINT");
        }
        if (maxAccuracy != null) {
            only(type == FieldType.GEO_POINT, at + "maxAccuracy", maxAccuracy, "GEO_POINT");
            Checks.check(maxAccuracy.signum() > 0, at + "maxAccuracy", maxAccuracy, "must be positive");
        }
        if (type == FieldType.REPEATED_GROUP) {
            Checks.check(
                    fields != null && !fields.fields().isEmpty(),
                    at + "fields",
                    fields,
                    "must list the fields of the group");
            for (FieldDefinition sub : fields.fields()) {
                Checks.check(
                        sub.type() != FieldType.REPEATED_GROUP,
                        at + "fields",
                        sub.name(),
                        "a group may not hold another group");
            }
            Checks.check(minItems == null || minItems >= 0, at + "minItems", minItems, "must be 0 or more");
            Checks.check(maxItems == null || maxItems >= 1, at + "maxItems", maxItems, "must be 1 or more");
            Checks.check(
                    minItems == null || maxItems == null || minItems <= maxItems,
                    at + "maxItems",
                    maxItems,
                    () -> "must not be below minItems " + minItems);
        } else {
            Checks.check(fields == null, at + "fields", fields, "apply to REPEATED_GROUP fields only");
            only(
                    minItems == null && maxItems == null,
                    at + "minItems",
                    minItems != null ? minItems : maxItems,
                    "REPEATED_GROUP");
        }
        if (type == FieldType.FILE) {
            Checks.required(at + "documentType", documentType);
        } else if (documentType != null) {
            only(false, at + "documentType", documentType, "FILE");
        }
        if (maxDays != null) {
            only(type == FieldType.DATE_RANGE, at + "maxDays", maxDays, "DATE_RANGE");
            Checks.check(maxDays >= 1, at + "maxDays", maxDays, "must be 1 or more");
        }
    }

    /**
     * What people read for a choice: its label from {@code choiceLabels}, or the code itself when the
     * definition has no labels (or the value is not one of the choices).
     *
     * @param code a choice's code
     * @return the label to show
     */
    public String choiceLabel(String code) {
        return choiceLabels == null ? code : choiceLabels.getOrDefault(code, code);
    }

    private static void only(boolean applies, String field, @Nullable Object value, String type) {
        Checks.check(applies, field, value, () -> "applies to " + type + " fields only");
    }

    /**
     * A field with no constraint beyond its type.
     *
     * @param name the field's name
     * @param label what the resident reads
     * @param type the field's type
     * @param required whether a value is needed on submission
     * @return the definition
     * @throws org.opengru.core.error.ValidationException naming the field and the problem
     */
    public static FieldDefinition of(String name, String label, FieldType type, boolean required) {
        return new Options(name, label, type, required).build();
    }

    /**
     * A single or multiple choice among codes.
     *
     * @param name the field's name
     * @param label what the resident reads
     * @param type {@link FieldType#SINGLE_CHOICE} or {@link FieldType#MULTIPLE_CHOICE}
     * @param required whether a value is needed on submission
     * @param choices the codes offered
     * @return the definition
     * @throws org.opengru.core.error.ValidationException naming the field and the problem
     */
    public static FieldDefinition choice(
            String name, String label, FieldType type, boolean required, List<String> choices) {
        Options o = new Options(name, label, type, required);
        o.choices = choices;
        return o.build();
    }

    /**
     * A repeated group: a list of sub-forms, each with these fields.
     *
     * @param name the group's name
     * @param label what the resident reads, such as {@code Enfants}
     * @param required whether at least one item is needed on submission
     * @param fields the fields of each item
     * @return the definition
     */
    public static FieldDefinition group(String name, String label, boolean required, DataSchema fields) {
        Options o = new Options(name, label, FieldType.REPEATED_GROUP, required);
        o.fields = fields;
        return o.build();
    }

    /**
     * A file: the reference of a stored document of this type.
     *
     * @param name the field's name
     * @param label what the resident reads
     * @param required whether a file is needed on submission
     * @param documentType the type of document expected
     * @return the definition
     */
    public static FieldDefinition file(String name, String label, boolean required, DocumentTypeCode documentType) {
        Options o = new Options(name, label, FieldType.FILE, required);
        o.documentType = documentType;
        return o.build();
    }

    /**
     * The same choice field with what people read for each code (every choice, in any order).
     *
     * @param labels a label for every choice's code
     * @return the definition with labels
     * @throws org.opengru.core.error.ValidationException naming {@code field.<name>.choiceLabels} when a code lacks a
     *     label or is not a choice
     */
    public FieldDefinition withChoiceLabels(Map<String, String> labels) {
        Options o = options();
        o.choiceLabels = labels;
        return o.build();
    }

    /**
     * The same text field with a pattern the whole value must match.
     *
     * @param regex a Java regular expression
     * @return the definition with the pattern
     * @throws org.opengru.core.error.ValidationException naming {@code field.<name>.pattern} when it does not compile
     *     or the field is not text
     */
    public FieldDefinition withPattern(String regex) {
        Options o = options();
        o.pattern = regex;
        return o.build();
    }

    /**
     * The same number field with bounds.
     *
     * @param low the smallest number, or {@code null}
     * @param high the largest number, or {@code null}
     * @return the definition with the bounds
     */
    public FieldDefinition withRange(@Nullable BigDecimal low, @Nullable BigDecimal high) {
        Options o = options();
        o.min = low;
        o.max = high;
        return o.build();
    }

    /**
     * Bounds of a date, or of both ends of a date range.
     *
     * @param low the earliest date, or {@code null}
     * @param high the latest date, or {@code null}
     * @return the definition with the bounds
     */
    public FieldDefinition withDateRange(@Nullable LocalDate low, @Nullable LocalDate high) {
        Options o = options();
        o.minDate = low;
        o.maxDate = high;
        return o.build();
    }

    /**
     * The same field, applying only when the condition holds.
     *
     * @param condition a condition on an earlier field
     * @return the conditional definition
     */
    public FieldDefinition when(Condition condition) {
        Options o = options();
        o.when = condition;
        return o.build();
    }

    /**
     * An address checked and geocoded by {@link AddressCheck}; {@code minScore} null for the default.
     *
     * @param minScore from 0 to 1
     * @return the definition with verification
     */
    public FieldDefinition verified(@Nullable BigDecimal minScore) {
        Options o = options();
        o.verify = true;
        o.minScore = minScore;
        return o.build();
    }

    /**
     * A point that must lie within the bounds, and whose accuracy (if given) is at most maxAccuracy metres.
     *
     * @param area where the point may lie, or {@code null}
     * @param maxAccuracyMetres the largest accuracy radius, or {@code null}
     * @return the definition with the constraints
     */
    public FieldDefinition within(@Nullable GeoBounds area, @Nullable BigDecimal maxAccuracyMetres) {
        Options o = options();
        o.bounds = area;
        o.maxAccuracy = maxAccuracyMetres;
        return o.build();
    }

    /**
     * How many items a non-empty group holds.
     *
     * @param minimum the fewest items, or {@code null}
     * @param maximum the most items, or {@code null} for {@link #DEFAULT_MAX_ITEMS}
     * @return the definition with the counts
     */
    public FieldDefinition withItems(@Nullable Integer minimum, @Nullable Integer maximum) {
        Options o = options();
        o.minItems = minimum;
        o.maxItems = maximum;
        return o.build();
    }

    /**
     * The longest date range, in days, start and end included.
     *
     * @param days the longest range, 1 or more
     * @return the definition with the limit
     */
    public FieldDefinition withMaxDays(int days) {
        Options o = options();
        o.maxDays = days;
        return o.build();
    }

    /** The sub-form of a group, or an empty one for other types. */
    DataSchema subForm() {
        return fields != null ? fields : DataSchema.of();
    }

    private Options options() {
        Options o = new Options(name, label, type, required);
        o.pattern = pattern;
        o.maxLength = maxLength;
        o.min = min;
        o.max = max;
        o.minDate = minDate;
        o.maxDate = maxDate;
        o.choices = choices;
        o.when = when;
        o.verify = verify;
        o.minScore = minScore;
        o.bounds = bounds;
        o.maxAccuracy = maxAccuracy;
        o.fields = fields;
        o.minItems = minItems;
        o.maxItems = maxItems;
        o.documentType = documentType;
        o.maxDays = maxDays;
        o.choiceLabels = choiceLabels;
        return o;
    }

    /** The options of a definition being built; the record's constructor checks them. */
    private static final class Options {
        final String name;
        final String label;
        final FieldType type;
        final boolean required;

        @Nullable
        String pattern;

        @Nullable
        Integer maxLength;

        @Nullable
        BigDecimal min;

        @Nullable
        BigDecimal max;

        @Nullable
        LocalDate minDate;

        @Nullable
        LocalDate maxDate;

        @Nullable
        List<String> choices;

        @Nullable
        Condition when;

        boolean verify;

        @Nullable
        BigDecimal minScore;

        @Nullable
        GeoBounds bounds;

        @Nullable
        BigDecimal maxAccuracy;

        @Nullable
        DataSchema fields;

        @Nullable
        Integer minItems;

        @Nullable
        Integer maxItems;

        @Nullable
        DocumentTypeCode documentType;

        @Nullable
        Integer maxDays;

        @Nullable
        Map<String, String> choiceLabels;

        Options(String name, String label, FieldType type, boolean required) {
            this.name = name;
            this.label = label;
            this.type = type;
            this.required = required;
        }

        FieldDefinition build() {
            return new FieldDefinition(
                    name,
                    label,
                    type,
                    required,
                    pattern,
                    maxLength,
                    min,
                    max,
                    minDate,
                    maxDate,
                    choices,
                    when,
                    verify,
                    minScore,
                    bounds,
                    maxAccuracy,
                    fields,
                    minItems,
                    maxItems,
                    documentType,
                    maxDays,
                    choiceLabels);
        }
    }
}
