package org.opengru.core.catalogue;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.opengru.core.error.ValidationException;
import org.opengru.core.internal.Checks;

/**
 * The typed form of a démarche: an ordered list of fields. A condition may only refer to a field declared
 * before it (in a repeated group, a field of the same group), so that the form reads top-down and no cycle
 * can exist.
 *
 * @param fields the fields, in form order, names unique
 */
public record DataSchema(@JsonValue List<FieldDefinition> fields) {

    private static final Pattern PATH_STEP = Pattern.compile("([a-zA-Z][a-zA-Z0-9_]*)(?:\\[(\\d+)])?");
    private static final Pattern COUNT = Pattern.compile("[0-9]{1,4}");

    /**
     * Checks that names are unique and that each condition refers to an earlier field of a type it can compare.
     *
     * @param fields the fields, in form order, names unique
     * @throws org.opengru.core.error.ValidationException naming the field and the problem
     */
    public DataSchema {
        fields = List.copyOf(Checks.required("schema.fields", fields));
        Map<String, FieldDefinition> seen = new HashMap<>();
        for (FieldDefinition f : fields) {
            if (f.when() != null) {
                checkCondition(
                        "field." + f.name() + ".when",
                        f.when(),
                        seen.get(f.when().field()));
            }
            if (seen.put(f.name(), f) != null) {
                throw new ValidationException("schema.fields", f.name(), "is declared twice");
            }
        }
    }

    /** Refuses a condition on a field that is not there (yet), or a comparison the field's type cannot make. */
    static void checkCondition(String where, Condition c, @Nullable FieldDefinition target) {
        if (target == null) {
            throw new ValidationException(where, c.field(), "must refer to a field declared before it");
        }
        boolean compares = c.operator() != Condition.Operator.PRESENT && c.operator() != Condition.Operator.ABSENT;
        if (compares && !target.type().comparable()) {
            throw new ValidationException(
                    where, c.operator(), "a " + target.type() + " field only takes PRESENT and ABSENT");
        }
        if (compares && target.type() == FieldType.REPEATED_GROUP) {
            for (String v : c.values()) {
                Checks.check(COUNT.matcher(v).matches(), where, v, "a group compares its number of items");
            }
        }
    }

    /**
     * A form of these fields.
     *
     * @param fields the fields, in form order
     * @return the schema
     * @throws org.opengru.core.error.ValidationException naming the field and the problem
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static DataSchema of(List<FieldDefinition> fields) {
        return new DataSchema(fields);
    }

    /**
     * A form of these fields.
     *
     * @param fields the fields, in form order
     * @return the schema
     * @throws org.opengru.core.error.ValidationException naming the field and the problem
     */
    public static DataSchema of(FieldDefinition... fields) {
        return new DataSchema(List.of(fields));
    }

    /**
     * Looks up a top-level field.
     *
     * @param name the field's name
     * @return the field, or empty
     */
    public Optional<FieldDefinition> field(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /**
     * Checks the data and returns it normalised (SIRET without spaces, phone in E.164, numbers as {@code
     * BigDecimal}, a commune's code in upper case...). With {@code complete} false (a draft), missing
     * required values (and too few items in a group) are allowed but every given value must be valid.
     * Every problem is reported at once, each naming {@code data.<field>} (in a group {@code
     * data.<group>[<index from 0>].<field>}) with a {@link FieldRefusal} code and its French reason.
     *
     * @throws ValidationException listing every refused value
     * @param data the values as received
     * @param complete {@code true} on submission, {@code false} for a draft
     * @return the normalised data
     */
    public FormData validate(FormData data, boolean complete) {
        FormValidator validator = new FormValidator(complete);
        Map<String, Object> normalised = validator.form(this, data.asMap(), "data.");
        if (!validator.violations().isEmpty()) {
            throw new ValidationException(validator.violations());
        }
        return data.with(normalised);
    }

    /**
     * The label of the field a violation names, for a resident: {@code data.children[1].birthDate} reads
     * {@code "Enfants n°2 : Date de naissance"}. Empty when the path names no field of this schema.
     *
     * @param path a violation's field, such as {@code data.children[1].birthDate}
     * @return the label, or empty
     */
    public Optional<String> labelOf(String path) {
        String rest = path.startsWith("data.") ? path.substring(5) : path;
        DataSchema schema = this;
        List<String> words = new ArrayList<>();
        for (String step : rest.split("\\.", -1)) {
            Matcher m = PATH_STEP.matcher(step);
            Optional<FieldDefinition> f = schema == null || !m.matches() ? Optional.empty() : schema.field(m.group(1));
            if (f.isEmpty()) {
                return Optional.empty();
            }
            words.add(f.get().label() + (m.group(2) == null ? "" : " n°" + (Integer.parseInt(m.group(2)) + 1)));
            schema = f.get().fields();
        }
        return Optional.of(String.join(" : ", words));
    }

    /**
     * The files given in the form's {@link FieldType#FILE} fields (in groups too), in form order: the pieces
     * the form itself carries, for an application to attach or keep with the request.
     *
     * @param data data this schema validated
     * @return the pieces, possibly none
     */
    public List<InlinePiece> inlinePieces(FormData data) {
        List<InlinePiece> out = new ArrayList<>();
        collectFiles(data.asMap(), "data.", out);
        return List.copyOf(out);
    }

    private void collectFiles(Map<String, ?> data, String prefix, List<InlinePiece> out) {
        for (FieldDefinition f : fields) {
            Object v = data.get(f.name());
            if (f.type() == FieldType.FILE && v instanceof Map<?, ?> file && f.documentType() != null) {
                out.add(new InlinePiece(prefix + f.name(), f.documentType(), String.valueOf(file.get("documentRef"))));
            } else if (f.type() == FieldType.REPEATED_GROUP && v instanceof List<?> items) {
                for (int i = 0; i < items.size(); i++) {
                    if (items.get(i) instanceof Map<?, ?> item) {
                        @SuppressWarnings("unchecked") // FormData's maps have string keys
                        Map<String, ?> values = (Map<String, ?>) item;
                        f.subForm().collectFiles(values, prefix + f.name() + "[" + i + "].", out);
                    }
                }
            }
        }
    }
}
