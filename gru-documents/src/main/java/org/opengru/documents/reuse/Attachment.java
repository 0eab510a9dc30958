package org.opengru.documents.reuse;

import java.time.Instant;
import java.util.Objects;
import org.opengru.core.catalogue.DocumentTypeCode;
import org.opengru.core.id.RequestId;
import org.opengru.core.principal.ActorRef;
import org.opengru.core.tenancy.TenantId;
import org.opengru.documents.vault.DocumentId;

/**
 * A stored document attached to a request as one of its pieces: a reference to one version, not a
 * copy. {@link #documentRef()} is what the request's {@code ProvidedPiece} holds.
 *
 * @param tenant the collectivité
 * @param request the request
 * @param piece the required piece it answers
 * @param document the document
 * @param version the version attached (a later upload does not change what was sent)
 * @param attachedBy who attached it
 * @param attachedAt when
 */
public record Attachment(
        TenantId tenant,
        RequestId request,
        DocumentTypeCode piece,
        DocumentId document,
        int version,
        ActorRef attachedBy,
        Instant attachedAt) {

    /**
     * Checks the attachment.
     *
     * @param tenant the collectivité
     * @param request the request
     * @param piece the required piece it answers
     * @param document the document
     * @param version the version attached (a later upload does not change what was sent)
     * @param attachedBy who attached it
     * @param attachedAt when
     * @throws NullPointerException naming a missing value
     */
    public Attachment {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(piece, "piece");
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(attachedBy, "attachedBy");
        Objects.requireNonNull(attachedAt, "attachedAt");
        if (version < 1) {
            throw new IllegalArgumentException("version must be 1 or more, got " + version);
        }
    }

    /**
     * {@code document:<uuid>/v<n>}, the reference a request stores.
     *
     * @return the reference
     */
    public String documentRef() {
        return "document:" + document + "/v" + version;
    }

    /**
     * The piece as gru-core's request records it.
     *
     * @return the provided piece
     */
    public org.opengru.core.request.ProvidedPiece providedPiece() {
        return new org.opengru.core.request.ProvidedPiece(piece, documentRef());
    }
}
