package org.opengru.core.request;

import org.opengru.core.catalogue.DocumentTypeCode;
import org.opengru.core.internal.Checks;

/**
 * A piece attached to a request, by reference: its type and the id of the document where it is stored
 * (in gru-documents' vault, or any document store), never the content itself; or a paper piece handed at
 * the counter and kept in the paper file ({@link #onPaper}).
 *
 * @param type the document type's code
 * @param documentRef the reference of the stored document or data proof, or {@value #PAPER_PREFIX} and
 *     where the paper is kept
 */
public record ProvidedPiece(DocumentTypeCode type, String documentRef) {

    /** The prefix of {@link #documentRef()} for a piece handed on paper: nothing is stored electronically. */
    public static final String PAPER_PREFIX = "paper:";

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

    /**
     * A piece the resident handed on paper, seen by an agent at the counter (pièce remise au guichet):
     * {@code where} says where the paper is kept (a file number, a desk), for the agents who will look.
     *
     * @param type the document type's code
     * @param where where the paper is kept
     * @return the piece
     */
    public static ProvidedPiece onPaper(DocumentTypeCode type, String where) {
        return new ProvidedPiece(type, PAPER_PREFIX + Checks.text("piece.where", where, 200 - PAPER_PREFIX.length()));
    }

    /**
     * Whether the piece was handed on paper rather than stored.
     *
     * @return {@code true} for a paper piece
     */
    public boolean paper() {
        return documentRef.startsWith(PAPER_PREFIX);
    }
}
