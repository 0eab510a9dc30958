package org.opengru.documents.reuse;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import org.opengru.core.catalogue.ProcedureCode;
import org.opengru.core.id.RequestId;
import org.opengru.core.id.UsagerId;
import org.opengru.core.intake.Channel;
import org.opengru.core.principal.ActorRef;
import org.opengru.core.tenancy.TenantId;
import org.opengru.documents.vault.DocumentId;

/**
 * The usager's consent to let one démarche (one request) use some documents of their vault. Recorded
 * before any attachment; never implied from an earlier démarche.
 *
 * @param tenant the collectivité
 * @param usager whose vault
 * @param request the request the documents may be attached to
 * @param procedure the démarche, for the record
 * @param documents the documents covered
 * @param grantedBy who consented (the usager or their representative)
 * @param grantedAt when
 * @param channel where
 */
public record ReuseConsent(
        TenantId tenant,
        UsagerId usager,
        RequestId request,
        ProcedureCode procedure,
        Set<DocumentId> documents,
        ActorRef grantedBy,
        Instant grantedAt,
        Channel channel) {

    /**
     * Checks the consent and copies its documents.
     *
     * @param tenant the collectivité
     * @param usager whose vault
     * @param request the request the documents may be attached to
     * @param procedure the démarche, for the record
     * @param documents the documents covered
     * @param grantedBy who consented (the usager or their representative)
     * @param grantedAt when
     * @param channel where
     * @throws NullPointerException naming a missing value
     */
    public ReuseConsent {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(usager, "usager");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(procedure, "procedure");
        documents = Set.copyOf(documents);
        Objects.requireNonNull(grantedBy, "grantedBy");
        Objects.requireNonNull(grantedAt, "grantedAt");
        Objects.requireNonNull(channel, "channel");
    }

    /**
     * Whether the usager consented to this document's use by the request.
     *
     * @param document the document
     * @return {@code true} when it is among the consented documents
     */
    public boolean covers(DocumentId document) {
        return documents.contains(document);
    }
}
