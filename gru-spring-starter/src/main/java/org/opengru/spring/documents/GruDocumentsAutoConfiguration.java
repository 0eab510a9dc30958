package org.opengru.spring.documents;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.opengru.core.GruCore;
import org.opengru.core.inbound.AttachmentScreen;
import org.opengru.core.job.Job;
import org.opengru.core.proof.DataProofProvider;
import org.opengru.core.request.RequestService;
import org.opengru.core.request.RequestStore;
import org.opengru.core.rgpd.ConsentLedger;
import org.opengru.core.rgpd.SubjectDataContributor;
import org.opengru.core.tenancy.TenantId;
import org.opengru.core.timeline.TimelineContributor;
import org.opengru.core.usager.MandateStore;
import org.opengru.core.usager.Representations;
import org.opengru.core.usager.UsagerStore;
import org.opengru.documents.crypto.EnvelopeEncryption;
import org.opengru.documents.crypto.KeyProvider;
import org.opengru.documents.crypto.StaticKeyProvider;
import org.opengru.documents.ingest.DocumentIngestor;
import org.opengru.documents.ingest.IngestionPolicy;
import org.opengru.documents.reuse.PieceReuse;
import org.opengru.documents.scan.ClamdScanner;
import org.opengru.documents.scan.VirusScanner;
import org.opengru.documents.storage.BlobStore;
import org.opengru.documents.store.DocumentStore;
import org.opengru.documents.types.DocumentTypes;
import org.opengru.documents.vault.DocumentVault;
import org.opengru.documents.vault.EndedRequestFiles;
import org.opengru.documents.vault.RequestVisibility;
import org.opengru.documents.vault.VaultAttachmentScreen;
import org.opengru.spring.GruProperties;
import org.opengru.spring.core.GruCoreAutoConfiguration;
import org.opengru.spring.jobs.GruJobContribution;
import org.opengru.spring.storage.GruStorage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;

/**
 * gru-documents: the encrypted document vault. Metadata in PostgreSQL or memory (from {@link GruStorage}),
 * encrypted files under {@code gru.documents.storage-path} or in memory, each file under its own key
 * wrapped by {@code gru.documents.master-key}, uploads scanned by ClamAV at {@code gru.documents.clamd-host}.
 * Agents see documents only through the requests gru-core's access policy lets them see. Every 6 hours,
 * the files and data proofs of requests whose life ended (purged, anonymised, deleted) are erased.
 */
@AutoConfiguration(after = GruCoreAutoConfiguration.class)
@ConditionalOnClass({DocumentVault.class, GruCore.class})
public class GruDocumentsAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(GruDocumentsAutoConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    KeyProvider gruDocumentKeyProvider(GruProperties properties, GruStorage storage) {
        GruProperties.Documents d = properties.documents();
        if (d.masterKey() == null || d.masterKey().reveal().isBlank()) {
            if (storage.isJdbc() || d.storagePath() != null) {
                throw new VaultConfigurationException(
                        "gru.documents.master-key",
                        "is not set, but documents are kept beyond this run ("
                                + (storage.isJdbc() ? "PostgreSQL" : "gru.documents.storage-path") + ")",
                        "Generate a key with 'openssl rand -base64 32' and give it as gru.documents.master-key"
                                + " (for example through the environment variable GRU_DOCUMENTS_MASTERKEY, never in"
                                + " the source). Losing it makes every stored document unreadable.",
                        null);
            }
            log.warn("gru.documents.master-key is not set: documents are encrypted under a random key that dies with"
                    + " this JVM (acceptable only with in-memory storage).");
            return StaticKeyProvider.generated(d.masterKeyId());
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(d.masterKey().reveal().trim());
        } catch (IllegalArgumentException e) {
            throw new VaultConfigurationException(
                    "gru.documents.master-key",
                    "is not Base64",
                    "Give 32 random bytes in Base64, as printed by 'openssl rand -base64 32'.",
                    e);
        }
        if (key.length != 32) {
            throw new VaultConfigurationException(
                    "gru.documents.master-key",
                    "decodes to " + key.length + " bytes instead of 32 (AES-256)",
                    "Give 32 random bytes in Base64, as printed by 'openssl rand -base64 32'.",
                    null);
        }
        return StaticKeyProvider.builder()
                .key(d.masterKeyId(), key)
                .current(d.masterKeyId())
                .build();
    }

    @Bean
    @ConditionalOnMissingBean
    BlobStore gruBlobStore(GruProperties properties, GruStorage storage) {
        if (properties.documents().storagePath() != null) {
            return BlobStore.fileSystem(properties.documents().storagePath());
        }
        if (storage.isJdbc()) {
            throw new VaultConfigurationException(
                    "gru.documents.storage-path",
                    "is not set, but document metadata is kept in PostgreSQL: the files would be lost at restart",
                    "Set gru.documents.storage-path to a directory on persistent storage shared by every node"
                            + " (or define your own BlobStore bean).",
                    null);
        }
        return BlobStore.inMemory();
    }

    @Bean
    @ConditionalOnMissingBean
    VirusScanner gruVirusScanner(GruProperties properties) {
        GruProperties.Documents d = properties.documents();
        if (d.clamdHost() == null) {
            log.warn("gru.documents.clamd-host is not set: uploads are NOT scanned for viruses.");
            return VirusScanner.unscanned();
        }
        return new ClamdScanner(
                new InetSocketAddress(d.clamdHost(), d.clamdPort()),
                d.clamdTimeout(),
                IngestionPolicy.defaults().maxBytesOfAnyType());
    }

    @Bean
    @ConditionalOnMissingBean
    DocumentIngestor gruDocumentIngestor(BlobStore blobs, KeyProvider keys, VirusScanner scanner) {
        return DocumentIngestor.builder()
                .blobStore(blobs)
                .encryption(new EnvelopeEncryption(keys))
                .scanner(scanner)
                .build();
    }

    @Bean
    @ConditionalOnMissingBean
    DocumentStore gruDocumentStore(GruStorage storage) {
        return storage.dataSource().map(DocumentStore::postgres).orElseGet(DocumentStore::inMemory);
    }

    @Bean
    @ConditionalOnMissingBean
    DocumentTypes gruDocumentTypes() {
        return DocumentTypes.national();
    }

    /** Agents see a document through a request only when gru-core's policy lets them see the request. */
    @Bean
    @ConditionalOnMissingBean
    RequestVisibility gruRequestVisibility(RequestService requests, RequestStore store) {
        return (agent, requestId) -> store.find(agent.tenant(), requestId)
                .map(request -> requests.policy().canRead(agent, request))
                .orElse(false);
    }

    /**
     * No data proof by default. To let API Particulier answers stand in for pieces, define a bean from
     * gru-franceconnect's {@code ApiParticulierDataProofs} (it needs the démarche of each call).
     */
    @Bean
    @ConditionalOnMissingBean
    DataProofProvider gruDataProofProvider() {
        return DataProofProvider.none();
    }

    /** "Dites-le-nous une fois": which required pieces stored documents or data proofs already satisfy. */
    @Bean
    @ConditionalOnMissingBean
    PieceReuse gruPieceReuse(
            DocumentVault vault,
            DataProofProvider proofs,
            Clock clock,
            GruCore core,
            ObjectProvider<ConsentLedger> ledger) {
        return new PieceReuse(vault, proofs, clock, core.ids(), core.events(), ledger.getIfAvailable());
    }

    @Bean
    @ConditionalOnMissingBean
    DocumentVault gruDocumentVault(
            Clock clock,
            GruCore core,
            DocumentStore store,
            DocumentIngestor ingestor,
            DocumentTypes types,
            UsagerStore usagers,
            MandateStore mandates,
            RequestVisibility visibility) {
        return DocumentVault.builder()
                .clock(clock)
                .ids(core.ids())
                .store(store)
                .ingestor(ingestor)
                .types(types)
                .representations(new Representations(usagers, mandates))
                .requestVisibility(visibility)
                .events(core.events())
                .build();
    }

    /**
     * Erases the files and data proofs of requests gru-core no longer holds alive. Give it to your {@code
     * PurgeJob} as its listener so that they go as soon as a request is purged or anonymised; the job below
     * sweeps for what a failed listener or a stopped node left.
     */
    /** Attachments of inbound e-mails go through the vault's checks, as uploads do (InboundMailProcessor's screen). */
    @Bean
    @ConditionalOnMissingBean
    AttachmentScreen gruAttachmentScreen(DocumentVault vault, DocumentIngestor ingestor) {
        return new VaultAttachmentScreen(vault, ingestor);
    }

    @Bean
    @ConditionalOnMissingBean
    EndedRequestFiles gruEndedRequestFiles(DocumentVault vault, RequestStore requests) {
        return vault.endedRequestFiles(requests);
    }

    /** The usager's documents in their 360° timeline (merged by the {@code Timeline} bean). */
    @Bean
    @ConditionalOnMissingBean(name = "gruDocumentTimeline")
    TimelineContributor gruDocumentTimeline(DocumentVault vault) {
        return vault.timeline();
    }

    /** The vault's share of the usager's RGPD export and erasure, after gru-core's (see {@code SubjectAccess}). */
    @Bean
    @ConditionalOnMissingBean(name = "gruDocumentsSubjectData")
    @Order(100)
    SubjectDataContributor gruDocumentsSubjectData(DocumentVault vault, RequestStore requests) {
        return vault.subjectData(requests);
    }

    /** Sweeps every tenant's ended requests every 6 hours (idempotent; safe on several nodes at once). */
    @Bean
    @ConditionalOnMissingBean(name = "gruDocumentsJobs")
    GruJobContribution gruDocumentsJobs(EndedRequestFiles files, GruProperties properties) {
        List<TenantId> tenants = new ArrayList<>();
        properties.tenantIds().forEach(id -> tenants.add(TenantId.of(id)));
        List<Job> jobs = List.of(Job.named("documents-ended-requests")
                .every(Duration.ofHours(6))
                .minimumInterval(Duration.ofMinutes(1))
                .runs(() -> tenants.forEach(files::sweep)));
        return () -> jobs;
    }
}
