package org.opengru.examples.portal.commune;

import java.util.LinkedHashMap;
import java.util.Map;
import org.opengru.core.catalogue.FieldDefinition;
import org.opengru.core.catalogue.FieldType;
import org.opengru.core.catalogue.FormData;
import org.opengru.core.catalogue.Procedure;

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

    /** A value for reading: yes/no in French. */
    public static String readable(FieldDefinition f, Object value) {
        if (value instanceof Boolean b) {
            return b ? "Oui" : "Non";
        }
        return String.valueOf(value);
    }
}
