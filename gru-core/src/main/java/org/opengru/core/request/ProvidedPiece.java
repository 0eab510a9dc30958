package org.opengru.core.request;

import org.opengru.core.catalogue.DocumentTypeCode;
import org.opengru.core.internal.Checks;

/**
 * A piece attached to a request, by reference: its type and the id of the document where it is stored
 * (in gru-documents' vault, or any document store), never the content itself; or a paper piece handed at
 * the counter and kept in the paper file ({@link #onPaper}).
 */
public record ProvidedPiece(DocumentTypeCode type, String documentRef) {

    /** The prefix of {@link #documentRef()} for a piece handed on paper: nothing is stored electronically. */
    public static final String PAPER_PREFIX = "paper:";

    public ProvidedPiece {
        Checks.required("piece.type", type);
        documentRef = Checks.text("piece.documentRef", documentRef, 200);
    }

    public static ProvidedPiece of(String type, String documentRef) {
        return new ProvidedPiece(DocumentTypeCode.of(type), documentRef);
    }

    /**
     * A piece the resident handed on paper, seen by an agent at the counter (pièce remise au guichet):
     * {@code where} says where the paper is kept (a file number, a desk), for the agents who will look.
     */
    public static ProvidedPiece onPaper(DocumentTypeCode type, String where) {
        return new ProvidedPiece(type, PAPER_PREFIX + Checks.text("piece.where", where, 200 - PAPER_PREFIX.length()));
    }

    /** Whether the piece was handed on paper rather than stored. */
    public boolean paper() {
        return documentRef.startsWith(PAPER_PREFIX);
    }
}
