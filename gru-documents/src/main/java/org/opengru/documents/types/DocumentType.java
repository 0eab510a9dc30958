package org.opengru.documents.types;

import java.util.Objects;
import org.opengru.core.catalogue.DocumentTypeCode;
import org.opengru.core.error.ValidationException;

/**
 * A kind of pièce justificative the vault knows: its code (shared with the démarche catalogue), its
 * label, its validity rule and its size limit.
 *
 * @param code the code démarches use in their required pieces
 * @param label the French label shown to the usager
 * @param validity how long a document of this type stays usable
 * @param maxBytes the largest file accepted for this type
 */
public record DocumentType(DocumentTypeCode code, String label, ValidityRule validity, long maxBytes) {

    /**
     * Checks the type.
     *
     * @param code the code démarches use in their required pieces
     * @param label the French label shown to the usager
     * @param validity how long a document of this type stays usable
     * @param maxBytes the largest file accepted for this type
     * @throws NullPointerException when the code or the rule is missing
     * @throws ValidationException when the label is blank or longer than 200 characters, or the size limit not
     *     positive
     */
    public DocumentType {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(validity, "validity");
        if (label == null || label.isBlank() || label.length() > 200) {
            throw new ValidationException("documentType.label", label, "must be 1 to 200 characters");
        }
        if (maxBytes <= 0) {
            throw new ValidationException("documentType.maxBytes", maxBytes, "must be positive");
        }
    }

    /**
     * A type with the default size limit of 20 MiB.
     *
     * @param code the type's code, lower-case
     * @param label the French label shown to usagers
     * @param validity how long a document of this type stays valid
     * @return the type
     */
    public static DocumentType of(String code, String label, ValidityRule validity) {
        return new DocumentType(DocumentTypeCode.of(code), label, validity, 20L << 20);
    }
}
