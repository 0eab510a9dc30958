package org.opengru.documents.reuse;

import java.util.List;

/**
 * For each required piece of a démarche, in order: a stored document, a data proof, or missing.
 *
 * @param pieces one status per required piece
 */
public record ReusePlan(List<PieceStatus> pieces) {
    public ReusePlan {
        pieces = List.copyOf(pieces);
    }

    public List<PieceStatus.ByDocument> byDocument() {
        return pieces.stream()
                .filter(PieceStatus.ByDocument.class::isInstance)
                .map(PieceStatus.ByDocument.class::cast)
                .toList();
    }

    public List<PieceStatus.ByDataProof> byDataProof() {
        return pieces.stream()
                .filter(PieceStatus.ByDataProof.class::isInstance)
                .map(PieceStatus.ByDataProof.class::cast)
                .toList();
    }

    public List<PieceStatus.Missing> missing() {
        return pieces.stream()
                .filter(PieceStatus.Missing.class::isInstance)
                .map(PieceStatus.Missing.class::cast)
                .toList();
    }

    /** Whether nothing has to be uploaded. */
    public boolean complete() {
        return missing().isEmpty();
    }
}
