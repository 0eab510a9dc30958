package org.opengru.documents.vault;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.opengru.core.id.UsagerId;
import org.opengru.core.rgpd.ErasureOutcome;
import org.opengru.core.rgpd.SubjectDataContributor;
import org.opengru.core.tenancy.TenantId;
import org.opengru.documents.ingest.DocumentIngestor;
import org.opengru.documents.reuse.Attachment;
import org.opengru.documents.storage.BlobKey;
import org.opengru.documents.store.DocumentStore;

/**
 * The vault's share of the RGPD subject-access export and erasure (gru-core's {@link
 * SubjectDataContributor}). The export lists metadata, never file contents (those are downloaded
 * one by one through the vault). Erasure crypto-shreds every document of the usager's own vault that
 * no request refers to; documents attached to a request stay with that administrative file and are
 * reported as retained.
 */
public final class DocumentsSubjectData implements SubjectDataContributor {
    static final String RETAINED_BASIS = "pièces jointes à une demande : conservées avec le dossier administratif"
            + " pendant sa durée d'utilité administrative";

    private final DocumentStore store;
    private final DocumentIngestor ingestor;

    public DocumentsSubjectData(DocumentStore store, DocumentIngestor ingestor) {
        this.store = Objects.requireNonNull(store, "store");
        this.ingestor = Objects.requireNonNull(ingestor, "ingestor");
    }

    /** One version as exported. */
    public record ExportedVersion(
            int number,
            String fileName,
            String mediaType,
            long size,
            String sha256,
            String channel,
            String uploadedBy,
            Instant uploadedAt,
            @Nullable LocalDate issueDate,
            @Nullable LocalDate expiryDate,
            String verification) {}

    /** One document as exported, with the requests it was attached to. */
    public record ExportedDocument(
            String id, String type, Instant createdAt, List<ExportedVersion> versions, List<String> attachedTo) {}

    @Override
    public String section() {
        return "documents";
    }

    @Override
    public Object collect(TenantId tenant, UsagerId usager) {
        List<ExportedDocument> out = new ArrayList<>();
        for (Document d : store.byOwner(tenant, usager)) {
            List<ExportedVersion> versions = d.versions().stream()
                    .map(v -> new ExportedVersion(
                            v.number(),
                            v.fileName().value(),
                            v.mediaType().mediaType(),
                            v.size(),
                            v.sha256().hex(),
                            v.channel().name(),
                            v.uploadedBy().toString(),
                            v.uploadedAt(),
                            v.facts().issueDate(),
                            v.facts().expiryDate(),
                            v.verification().state()))
                    .toList();
            List<String> attachedTo = store.attachmentsOf(tenant, d.id()).stream()
                    .map(a -> a.request() + " (" + a.piece() + ", v" + a.version() + ")")
                    .toList();
            out.add(new ExportedDocument(d.id().toString(), d.type().value(), d.createdAt(), versions, attachedTo));
        }
        return out;
    }

    @Override
    public ErasureOutcome erase(TenantId tenant, UsagerId usager) {
        int erased = 0;
        int retained = 0;
        for (Document d : store.byOwner(tenant, usager)) {
            List<Attachment> attachments = store.attachmentsOf(tenant, d.id());
            if (!attachments.isEmpty()) {
                retained++;
                continue;
            }
            for (BlobKey blob : store.erase(tenant, d.id())) {
                ingestor.deleteBlob(blob);
            }
            erased++;
        }
        return new ErasureOutcome(section(), erased, retained, retained == 0 ? null : RETAINED_BASIS);
    }
}
