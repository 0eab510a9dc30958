package org.opengru.core.catalogue;

import org.jspecify.annotations.Nullable;
import org.opengru.core.internal.Checks;

/**
 * A pièce justificative a démarche requires: its document type, a label for the resident, and
 * optionally a condition on the form data (a proof of income only when asking for the reduced rate).
 */
public record RequiredPiece(
        DocumentTypeCode type, String label, @Nullable Condition when) {

    public RequiredPiece {
        Checks.required("piece.type", type);
        label = Checks.text("piece.label", label, 500);
    }

    public static RequiredPiece of(DocumentTypeCode type, String label) {
        return new RequiredPiece(type, label, null);
    }

    /** Whether the piece is required for this form data. */
    public boolean appliesTo(FormData data) {
        return when == null || when.test(data);
    }
}
