package org.opengru.core.catalogue;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Pattern;
import org.opengru.core.internal.Checks;

/**
 * A kind of pièce justificative, such as {@code justificatif-domicile} or {@code avis-imposition}: what a
 * démarche requires and what a document in the vault is.
 *
 * @param value a lower-case slug
 */
public record DocumentTypeCode(@JsonValue String value) {

    private static final Pattern FORMAT = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    /**
     * Checks the slug.
     *
     * @param value a lower-case slug
     * @throws org.opengru.core.error.ValidationException naming {@code documentType} and the value
     */
    public DocumentTypeCode {
        Checks.matches("documentType", value, FORMAT, "a lower-case slug of a-z, 0-9 and '-'");
    }

    /**
     * Wraps a document type's code.
     *
     * @param value a lower-case slug such as {@code justificatif-domicile}
     * @return the code
     * @throws org.opengru.core.error.ValidationException naming {@code documentType} and the value
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static DocumentTypeCode of(String value) {
        return new DocumentTypeCode(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
