package org.opengru.core.catalogue;

import org.jspecify.annotations.Nullable;
import org.opengru.core.internal.Checks;

/**
 * A pièce justificative a démarche requires: its document type, a label for the resident, and
 * optionally a condition on the form data (a proof of income only when asking for the reduced rate).
 *
 * @param type the document type
 * @param label what the resident reads, at most 500 characters
 * @param when the condition under which it is required, or {@code null} (always)
 */
public record RequiredPiece(
        DocumentTypeCode type, String label, @Nullable Condition when) {

    /**
     * Checks the type and label.
     *
     * @param type the document type
     * @param label what the resident reads, at most 500 characters
     * @param when the condition under which it is required, or {@code null} (always)
     * @throws org.opengru.core.error.ValidationException naming {@code piece.type} or {@code piece.label}
     */
    public RequiredPiece {
        Checks.required("piece.type", type);
        label = Checks.text("piece.label", label, 500);
    }

    /**
     * A piece required in every case.
     *
     * @param type the document type
     * @param label what the resident reads
     * @return the piece
     */
    public static RequiredPiece of(DocumentTypeCode type, String label) {
        return new RequiredPiece(type, label, null);
    }

    /**
     * Whether the piece is required for this form data.
     *
     * @param data the request's form data
     * @return {@code true} when its condition holds (or it has none)
     */
    public boolean appliesTo(FormData data) {
        return when == null || when.test(data);
    }
}
