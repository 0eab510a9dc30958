package org.opengru.documents.reuse;

import org.opengru.core.catalogue.RequiredPiece;
import org.opengru.core.proof.DataProof;
import org.opengru.documents.types.Validity;
import org.opengru.documents.vault.DocumentId;

/** How one required piece of a démarche can be provided. */
public sealed interface PieceStatus {
    /**
     * The piece the démarche requires.
     *
     * @return the piece
     */
    RequiredPiece piece();

    /**
     * A valid stored document; {@code verified} when an agent checked it (it stays so until it expires).
     *
     * @param piece the piece the démarche requires
     * @param document the document
     * @param version the request's version after the change
     * @param verified whether an agent checked it against the original
     * @param validity its validity on the day asked
     */
    record ByDocument(RequiredPiece piece, DocumentId document, int version, boolean verified, Validity validity)
            implements PieceStatus {}

    /**
     * Data from an administration stands in for the document.
     *
     * @param piece the piece the démarche requires
     * @param proof the data proof
     */
    record ByDataProof(RequiredPiece piece, DataProof proof) implements PieceStatus {}

    /**
     * Nothing usable: the usager has to upload it.
     *
     * @param piece the piece the démarche requires
     * @param reason why no document or proof answers it
     */
    record Missing(RequiredPiece piece, String reason) implements PieceStatus {}
}
