package org.opengru.documents.reuse;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.opengru.core.catalogue.DocumentTypeCode;
import org.opengru.core.id.RequestId;
import org.opengru.core.id.UsagerId;
import org.opengru.core.principal.ActorRef;
import org.opengru.core.proof.DataProof;
import org.opengru.core.request.ProvidedPiece;
import org.opengru.core.tenancy.TenantId;

/**
 * A data proof recorded with a request in place of a document: the quotient familial the CAF gave
 * through API Particulier stands for the CAF certificate. The data is kept as fetched, with its source
 * and date, so that the agent sees what was obtained, from whom and when.
 *
 * @param id the proof's id, in {@link #documentRef()}
 * @param usager whose data it is (the person the source was asked about)
 * @param proof the data, its source and when it was obtained
 * @param attachedBy who recorded it with the request
 * @param tenant the collectivité
 * @param request the request it is recorded with
 * @param attachedAt when it was recorded
 */
public record ProofAttachment(
        TenantId tenant,
        RequestId request,
        UsagerId usager,
        UUID id,
        DataProof proof,
        ActorRef attachedBy,
        Instant attachedAt) {

    /** The prefix of {@link #documentRef()}, to tell a proof from a document in a request's pieces. */
    public static final String REF_PREFIX = "proof:";

    /**
     * Checks the recorded proof.
     *
     * @param tenant the collectivité
     * @param request the request it is recorded with
     * @param usager whose data it is (the person the source was asked about)
     * @param id the proof's id, in {@link #documentRef()}
     * @param proof the data, its source and when it was obtained
     * @param attachedBy who recorded it with the request
     * @param attachedAt when it was recorded
     * @throws NullPointerException naming a missing value
     */
    public ProofAttachment {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(usager, "usager");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(proof, "proof");
        Objects.requireNonNull(attachedBy, "attachedBy");
        Objects.requireNonNull(attachedAt, "attachedAt");
    }

    /**
     * The piece it stands for.
     *
     * @return the document type it replaces
     */
    public DocumentTypeCode piece() {
        return proof.replaces();
    }

    /**
     * {@code proof:<uuid>}, the reference a request's {@link ProvidedPiece} holds.
     *
     * @return the reference
     */
    public String documentRef() {
        return REF_PREFIX + id;
    }

    /**
     * The piece as gru-core's request records it.
     *
     * @return the provided piece
     */
    public ProvidedPiece providedPiece() {
        return new ProvidedPiece(piece(), documentRef());
    }
}
