package org.opengru.documents.vault;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.opengru.core.id.UsagerId;
import org.opengru.core.rgpd.CoreSubjectData;
import org.opengru.core.rgpd.ErasureOutcome;
import org.opengru.core.rgpd.SubjectDataContributor;
import org.opengru.core.tenancy.TenantId;
import org.opengru.documents.ingest.DocumentIngestor;
import org.opengru.documents.reuse.ProofAttachment;
import org.opengru.documents.storage.BlobKey;
import org.opengru.documents.store.DocumentStore;

/**
 * The vault's share of the RGPD subject-access export and erasure (gru-core's {@link
 * SubjectDataContributor}). The export lists the documents' metadata, never file contents (those are
 * downloaded one by one through the vault), the consents given to reuse them, and the data proofs
 * fetched about the usager (API Particulier) with what they said. Erasure crypto-shreds every document
 * of the usager's own vault and deletes every data proof about them, except what is attached to a
 * request still kept as an administrative file ({@link AdministrativeFiles}): that stays with the file
 * and is reported as retained. Reuse consents are kept, as gru-core's consent ledger is (art. 7.1).
 */
public final class DocumentsSubjectData implements SubjectDataContributor {
    /** Why documents and data proofs attached to a received request are kept. */
    public static final String RETAINED_BASIS = "art. 17.3.b RGPD : pièces jointes et données justificatives"
            + " d'une demande reçue, conservées avec le dossier administratif pendant sa durée d'utilité"
            + " administrative";

    private final DocumentStore store;
    private final DocumentIngestor ingestor;
    private final AdministrativeFiles files;

    /**
     * A contributor over the vault.
     *
     * @param store the documents' metadata
     * @param ingestor opens the files for the export and deletes their blobs
     * @param files which requests are still kept (what is attached to them stays)
     */
    public DocumentsSubjectData(DocumentStore store, DocumentIngestor ingestor, AdministrativeFiles files) {
        this.store = Objects.requireNonNull(store, "store");
        this.ingestor = Objects.requireNonNull(ingestor, "ingestor");
        this.files = Objects.requireNonNull(files, "files");
    }

    /**
     * One version as exported.
     *
     * @param number the version's number
     * @param fileName the file's name
     * @param mediaType the file's type
     * @param size its size in bytes
     * @param sha256 its SHA-256
     * @param channel how it came
     * @param uploadedBy who uploaded it
     * @param uploadedAt when
     * @param issueDate the document's issue date, or {@code null}
     * @param expiryDate its printed expiry date, or {@code null}
     * @param verification whether an agent verified or rejected it
     */
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

    /**
     * One document as exported, with the requests it was attached to.
     *
     * @param id the id
     * @param type the document type
     * @param createdAt when it was first uploaded
     * @param versions its versions
     * @param attachedTo the requests it is attached to
     */
    public record ExportedDocument(
            String id, String type, Instant createdAt, List<ExportedVersion> versions, List<String> attachedTo) {}

    /**
     * One data proof as exported: what was fetched about the usager, from whom and when, and for which
     * request and piece.
     *
     * @param id the id
     * @param request the request
     * @param piece the piece it stands for
     * @param source where the data came from (API Particulier, CAF...)
     * @param description what the data says, in French
     * @param obtainedAt when it was fetched
     * @param validUntil the last day it is valid, or {@code null}
     * @param data the data itself
     * @param recordedBy who recorded it with the request
     * @param recordedAt when
     */
    public record ExportedProof(
            String id,
            String request,
            String piece,
            String source,
            String description,
            Instant obtainedAt,
            @Nullable LocalDate validUntil,
            Map<String, String> data,
            String recordedBy,
            Instant recordedAt) {}

    /**
     * One consent to reuse documents for a request, as exported.
     *
     * @param request the request
     * @param procedure its démarche
     * @param documents the documents
     * @param grantedBy who consented (pseudonymous)
     * @param grantedAt when
     * @param channel how it came
     */
    public record ExportedConsent(
            String request,
            String procedure,
            List<String> documents,
            String grantedBy,
            Instant grantedAt,
            String channel) {}

    /**
     * The section: the usager's documents, the consents to reuse them, the data proofs fetched about them.
     *
     * @param documents the documents
     * @param consents the reuse consents
     * @param proofs the data proofs
     */
    public record Export(
            List<ExportedDocument> documents, List<ExportedConsent> consents, List<ExportedProof> proofs) {}

    @Override
    public java.util.Map<String, String> labels() {
        return org.opengru.core.rgpd.ReadableExport.labels(getClass(), "subject-access-labels.properties");
    }

    @Override
    public String section() {
        return "documents";
    }

    @Override
    public Export collect(TenantId tenant, UsagerId usager) {
        return new Export(documents(tenant, usager), consents(tenant, usager), proofs(tenant, usager));
    }

    private List<ExportedConsent> consents(TenantId tenant, UsagerId usager) {
        return store.consentsOf(tenant, usager).stream()
                .map(c -> new ExportedConsent(
                        c.request().toString(),
                        c.procedure().value(),
                        c.documents().stream()
                                .map(DocumentId::toString)
                                .sorted()
                                .toList(),
                        c.grantedBy().toString(),
                        c.grantedAt(),
                        c.channel().name()))
                .toList();
    }

    private List<ExportedProof> proofs(TenantId tenant, UsagerId usager) {
        return store.proofsAbout(tenant, usager).stream()
                .map(p -> new ExportedProof(
                        p.id().toString(),
                        p.request().toString(),
                        p.piece().value(),
                        p.proof().source(),
                        p.proof().description(),
                        p.proof().obtainedAt(),
                        p.proof().validUntil(),
                        new TreeMap<>(p.proof().attributes()),
                        p.attachedBy().toString(),
                        p.attachedAt()))
                .toList();
    }

    private List<ExportedDocument> documents(TenantId tenant, UsagerId usager) {
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
            if (store.attachmentsOf(tenant, d.id()).stream().anyMatch(a -> files.kept(tenant, a.request()))) {
                retained++;
                continue;
            }
            for (BlobKey blob : store.erase(tenant, d.id())) {
                ingestor.deleteBlob(blob);
            }
            erased++;
        }
        for (ProofAttachment p : store.proofsAbout(tenant, usager)) {
            if (files.kept(tenant, p.request())) {
                retained++;
            } else if (store.eraseProof(tenant, p.id())) {
                erased++;
            }
        }
        int consents = store.consentsOf(tenant, usager).size();
        List<String> bases = new ArrayList<>();
        if (retained > 0) {
            bases.add(RETAINED_BASIS);
        }
        if (consents > 0) {
            bases.add(CoreSubjectData.CONSENTS_LEGAL_BASIS);
        }
        return new ErasureOutcome(
                section(), erased, retained + consents, bases.isEmpty() ? null : String.join(" ; ", bases));
    }
}
