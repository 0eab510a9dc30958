package org.opengru.core.catalogue;

import org.opengru.core.internal.Checks;

/**
 * A pièce justificative given in a {@link FieldType#FILE} field of the form rather than as a piece of the
 * request: the field's path ({@code data.photo}, {@code data.children[0].certificate}), the document type
 * and the reference of the stored document (as a request's provided piece holds it).
 */
public record InlinePiece(String field, DocumentTypeCode type, String documentRef) {

    public InlinePiece {
        Checks.text("piece.field", field);
        Checks.required("piece.type", type);
        documentRef = Checks.text("piece.documentRef", documentRef, 200);
    }
}
