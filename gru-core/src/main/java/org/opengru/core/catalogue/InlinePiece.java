package org.opengru.core.catalogue;

import org.opengru.core.internal.Checks;

/**
 * A pièce justificative given in a {@link FieldType#FILE} field of the form rather than as a piece of the
 * request: the field's path ({@code data.photo}, {@code data.children[0].certificate}), the document type
 * and the reference of the stored document (as a request's provided piece holds it).
 *
 * @param field the field's path in the form data
 * @param type the document type
 * @param documentRef the stored document's reference
 */
public record InlinePiece(String field, DocumentTypeCode type, String documentRef) {

    /**
     * Checks the three parts.
     *
     * @param field the field's path in the form data
     * @param type the document type
     * @param documentRef the stored document's reference
     * @throws org.opengru.core.error.ValidationException naming the bad part
     */
    public InlinePiece {
        Checks.text("piece.field", field);
        Checks.required("piece.type", type);
        documentRef = Checks.text("piece.documentRef", documentRef, 200);
    }
}
