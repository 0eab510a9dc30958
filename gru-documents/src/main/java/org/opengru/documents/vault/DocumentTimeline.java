package org.opengru.documents.vault;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.opengru.core.catalogue.DocumentTypeCode;
import org.opengru.core.id.UsagerId;
import org.opengru.core.tenancy.TenantId;
import org.opengru.core.timeline.TimelineContributor;
import org.opengru.core.timeline.TimelineCursor;
import org.opengru.core.timeline.TimelineEntry;
import org.opengru.documents.reuse.ProofAttachment;
import org.opengru.documents.reuse.ReuseConsent;
import org.opengru.documents.store.DocumentStore;
import org.opengru.documents.types.DocumentType;
import org.opengru.documents.types.DocumentTypes;

/**
 * The usager's documents in their 360° timeline (module {@code documents}): each version deposited
 * (« Document déposé : Justificatif de domicile (facture.pdf) »), each datum fetched from an
 * administration in place of a piece (« Donnée obtenue auprès de la CAF via API Particulier : quotient
 * familial »), each agreement to reuse documents for a démarche. Read from the document store on demand,
 * so an erased document leaves the timeline with it. Register it next to gru-core's timeline store:
 *
 * <pre>{@code
 * Timeline timeline = Timeline.of(List.of(pg.timelineStore(), new DocumentTimeline(store, types)));
 * }</pre>
 */
public final class DocumentTimeline implements TimelineContributor {

    /** The module name in {@link TimelineEntry#module()}. */
    public static final String MODULE = "documents";

    private final DocumentStore store;
    private final DocumentTypes types;

    /**
     * A timeline contributor over the vault's store.
     *
     * @param store the documents' metadata
     * @param types the document types, for their French labels
     */
    public DocumentTimeline(DocumentStore store, DocumentTypes types) {
        this.store = Objects.requireNonNull(store, "store");
        this.types = Objects.requireNonNull(types, "types");
    }

    @Override
    public List<TimelineEntry> newest(TenantId tenant, UsagerId usager, @Nullable TimelineCursor before, int limit) {
        List<TimelineEntry> entries = new ArrayList<>();
        for (Document d : store.byOwner(tenant, usager)) {
            for (DocumentVersion v : d.versions()) {
                entries.add(new TimelineEntry(
                        tenant,
                        usager,
                        v.uploadedAt(),
                        MODULE + ":" + d.id() + ":"
                                + String.valueOf(10_000 + v.number()).substring(1),
                        MODULE,
                        v.number() == 1 ? "document.deposited" : "document.new_version",
                        d.id().toString(),
                        v.channel().name(),
                        (v.number() == 1 ? "Document déposé : " : "Nouvelle version du document : ")
                                + label(tenant, d.type()) + " (" + v.fileName().value() + ")"));
            }
        }
        for (ProofAttachment p : store.proofsAbout(tenant, usager)) {
            entries.add(new TimelineEntry(
                    tenant,
                    usager,
                    p.attachedAt(),
                    MODULE + ":proof:" + p.id(),
                    MODULE,
                    "document.data_proof",
                    p.request().toString(),
                    null,
                    "Donnée obtenue auprès de " + p.proof().source() + " : "
                            + p.proof().description()));
        }
        for (ReuseConsent c : store.consentsOf(tenant, usager)) {
            entries.add(new TimelineEntry(
                    tenant,
                    usager,
                    c.grantedAt(),
                    MODULE + ":reuse:" + c.request(),
                    MODULE,
                    "document.reuse_consent",
                    c.request().toString(),
                    c.channel().name(),
                    "Accord pour réutiliser " + c.documents().size()
                            + (c.documents().size() > 1 ? " documents" : " document") + " pour la démarche "
                            + c.procedure().value()));
        }
        return TimelineEntry.page(entries, before, limit);
    }

    private String label(TenantId tenant, DocumentTypeCode code) {
        return types.find(tenant, code).map(DocumentType::label).orElse(code.value());
    }
}
