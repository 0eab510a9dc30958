package org.opengru.core.request;

import org.opengru.core.catalogue.DocumentTypeCode;
import org.opengru.core.internal.Checks;

/**
 * A piece attached to a request, by reference: its type and the id of the document where it is stored
 * (in gru-documents' vault, or any document store), never the content itself.
 *
 * @param type the document type's code
 * @param documentRef the reference of the stored document or data proof
 */
public record ProvidedPiece(DocumentTypeCode type, String documentRef) {

    /**
     * Checks the piece.
     *
     * @param type the document type's code
     * @param documentRef the reference of the stored document or data proof
     * @throws NullPointerException naming a missing value
     */
    public ProvidedPiece {
        Checks.required("piece.type", type);
        documentRef = Checks.text("piece.documentRef", documentRef, 200);
    }

    /**
     * A piece of a type, by reference.
     *
     * @param type the document type's code
     * @param documentRef the reference of the stored document or data proof
     * @return the piece
     */
    public static ProvidedPiece of(String type, String documentRef) {
        return new ProvidedPiece(DocumentTypeCode.of(type), documentRef);
    }
}
