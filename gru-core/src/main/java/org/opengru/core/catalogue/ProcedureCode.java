package org.opengru.core.catalogue;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Pattern;
import org.opengru.core.internal.Checks;

/**
 * The stable code of a démarche, such as {@code inscription-cantine}: a lower-case slug.
 *
 * @param value the slug
 */
public record ProcedureCode(@JsonValue String value) {

    private static final Pattern FORMAT = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    /**
     * Checks the slug.
     *
     * @param value the slug
     * @throws org.opengru.core.error.ValidationException naming {@code procedureCode} and the value
     */
    public ProcedureCode {
        Checks.matches("procedure.code", value, FORMAT, "a lower-case slug of a-z, 0-9 and '-'");
    }

    /**
     * Wraps a démarche's code.
     *
     * @param value a lower-case slug such as {@code inscription-cantine}
     * @return the code
     * @throws org.opengru.core.error.ValidationException naming {@code procedureCode} and the value
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static ProcedureCode of(String value) {
        return new ProcedureCode(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
