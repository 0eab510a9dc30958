package org.opengru.examples.portal.commune;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.opengru.core.catalogue.FieldDefinition;
import org.opengru.core.catalogue.FieldType;
import org.opengru.core.catalogue.FormData;
import org.opengru.core.catalogue.Procedure;
import org.opengru.core.error.ValidationException;

/** Turns a posted HTML form into a démarche's {@link FormData}: empty fields are absent, yes/no are booleans. */
public final class FormFields {

    private FormFields() {}

    public static FormData read(Procedure procedure, Map<String, String> posted) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (FieldDefinition f : procedure.schema().fields()) {
            String raw = posted.get("champ_" + f.name());
            if (raw == null || raw.isBlank()) {
                continue;
            }
            String value = raw.strip();
            values.put(f.name(), f.type() == FieldType.YES_NO ? (Object) Boolean.valueOf("true".equals(value)) : value);
        }
        return FormData.of(values);
    }

    /** The values as the form shows them again (after an error, or for an agent's view). */
    public static Map<String, String> display(FormData data) {
        Map<String, String> out = new LinkedHashMap<>();
        data.asMap().forEach((k, v) -> out.put(k, v instanceof Boolean b ? (b ? "true" : "false") : String.valueOf(v)));
        return out;
    }

    /**
     * The id of the form's input a violation is about ({@code data.x}: the field x, its first radio button
     * for a yes/no), or null when it is about no field of the form.
     */
    public static @Nullable String inputId(Procedure p, @Nullable String field) {
        if (field == null) {
            return null;
        }
        String name = field.startsWith("data.") ? field.substring(5) : field;
        int dot = name.indexOf('.');
        String top = dot < 0 ? name : name.substring(0, dot);
        return p.schema().fields().stream()
                .filter(f -> f.name().equals(top))
                .findFirst()
                .map(f -> "champ_" + f.name() + (f.type() == FieldType.YES_NO ? "_oui" : ""))
                .orElse(null);
    }

    /** The label of the field a violation is about, as the form shows it. */
    public static String label(Procedure p, @Nullable String field) {
        if (field == null) {
            return "Formulaire";
        }
        return p.schema().labelOf(field).orElse(field.startsWith("data.") ? field.substring(5) : field);
    }

    /** Checks the values against the démarche's form: each refused value an error at its field, in French. */
    public static void check(Procedure p, FormData data, FormErrors errors) {
        try {
            p.schema().validate(data, true);
        } catch (ValidationException e) {
            e.violations()
                    .forEach(v -> errors.add(inputId(p, v.field()), label(p, v.field()) + " : " + FrenchReasons.of(v)));
        }
    }

    /** A value for reading: yes/no in French. */
    public static String readable(FieldDefinition f, Object value) {
        if (value instanceof Boolean b) {
            return b ? "Oui" : "Non";
        }
        return String.valueOf(value);
    }
}
