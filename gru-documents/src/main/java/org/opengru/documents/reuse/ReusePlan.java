package org.opengru.documents.reuse;

import java.util.List;

/**
 * For each required piece of a démarche, in order: a stored document, a data proof, or missing.
 *
 * @param pieces one status per required piece
 */
public record ReusePlan(List<PieceStatus> pieces) {
    /**
     * Copies the statuses, so that the plan stays immutable.
     *
     * @param pieces one status per required piece
     */
    public ReusePlan {
        pieces = List.copyOf(pieces);
    }

    /**
     * The pieces a valid stored document answers.
     *
     * @return those statuses, in the démarche's order
     */
    public List<PieceStatus.ByDocument> byDocument() {
        return pieces.stream()
                .filter(PieceStatus.ByDocument.class::isInstance)
                .map(PieceStatus.ByDocument.class::cast)
                .toList();
    }

    /**
     * The pieces a data proof answers (no upload needed).
     *
     * @return those statuses, in the démarche's order
     */
    public List<PieceStatus.ByDataProof> byDataProof() {
        return pieces.stream()
                .filter(PieceStatus.ByDataProof.class::isInstance)
                .map(PieceStatus.ByDataProof.class::cast)
                .toList();
    }

    /**
     * The pieces still to upload.
     *
     * @return those statuses, with the reason, in the démarche's order
     */
    public List<PieceStatus.Missing> missing() {
        return pieces.stream()
                .filter(PieceStatus.Missing.class::isInstance)
                .map(PieceStatus.Missing.class::cast)
                .toList();
    }

    /**
     * Whether nothing has to be uploaded.
     *
     * @return {@code true} when no piece is missing
     */
    public boolean complete() {
        return missing().isEmpty();
    }
}
