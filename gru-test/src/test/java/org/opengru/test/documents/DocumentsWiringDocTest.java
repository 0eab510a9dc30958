package org.opengru.test.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.opengru.core.GruCore;
import org.opengru.core.event.DomainEventPublisher;
import org.opengru.core.id.IdGenerator;
import org.opengru.core.jdbc.PostgresPersistence;
import org.opengru.core.proof.DataProofProvider;
import org.opengru.core.usager.MandateStore;
import org.opengru.core.usager.Representations;
import org.opengru.core.usager.UsagerStore;
import org.opengru.documents.crypto.EnvelopeEncryption;
import org.opengru.documents.crypto.KeyProvider;
import org.opengru.documents.crypto.StaticKeyProvider;
import org.opengru.documents.ingest.DocumentIngestor;
import org.opengru.documents.reuse.PieceReuse;
import org.opengru.documents.scan.ClamdScanner;
import org.opengru.documents.storage.BlobStore;
import org.opengru.documents.store.DocumentStore;
import org.opengru.documents.types.DocumentTypes;
import org.opengru.documents.vault.DocumentVault;
import org.opengru.documents.vault.RequestVisibility;
import org.opengru.test.postgres.EmbeddedPostgresExtension;
import org.opengru.test.postgres.PostgresDatabase;

/** docs/documents.md, "Wiring", run as written there on PostgreSQL (DocSnippetsTest checks the page). */
@ExtendWith(EmbeddedPostgresExtension.class)
class DocumentsWiringDocTest {

    @Test
    void theDocumentedWiringBuildsOnPostgres(PostgresDatabase db, @TempDir Path blobDirectory) {
        DataSource dataSource = db.dataSource();
        Clock clock = Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC);
        PostgresPersistence pg = PostgresPersistence.builder(dataSource, clock).build();
        pg.migrate();
        GruCore core = GruCore.builder()
                .clock(clock)
                .requestStore(pg.requestStore())
                .usagerStore(pg.usagerStore())
                .mandateStore(pg.mandateStore())
                .build();
        UsagerStore usagerStore = core.usagers();
        MandateStore mandateStore = core.mandates();
        DomainEventPublisher domainEvents = core.events();
        IdGenerator ids = core.ids();
        DataProofProvider dataProofProvider = DataProofProvider.none();
        byte[] masterKeyBytes = new byte[32];
        // tag::wiring[]
        KeyProvider keys = StaticKeyProvider.builder()
                .key("2026-01", masterKeyBytes) // 32 bytes from your secret store
                .current("2026-01")
                .build();
        DocumentIngestor ingestor = DocumentIngestor.builder()
                .blobStore(BlobStore.fileSystem(blobDirectory)) // /var/lib/opengru/blobs
                .encryption(new EnvelopeEncryption(keys))
                .scanner(new ClamdScanner(new InetSocketAddress("127.0.0.1", 3310), Duration.ofSeconds(30), 25L << 20))
                .build(); // IngestionPolicy.defaults(): 20 MiB PDF, 15 MiB images, 80 Mpx
        DocumentStore store = DocumentStore.postgres(dataSource);
        DocumentStore.migrations().migrate(dataSource); // db/opengru/documents/V1__documents.sql, V2, V3, V4
        DocumentVault vault = DocumentVault.builder()
                .clock(clock)
                .ids(ids)
                .store(store)
                .ingestor(ingestor)
                .types(DocumentTypes.national())
                .representations(new Representations(usagerStore, mandateStore))
                .requestVisibility(RequestVisibility.of(core.requestStore(), core.accessPolicy()))
                .events(domainEvents)
                .build();
        PieceReuse reuse = new PieceReuse(vault, dataProofProvider, clock, ids, domainEvents);
        // end::wiring[]
        assertThat(reuse).isNotNull();
        assertThat(DocumentStore.migrations().migrate(dataSource))
                .as("applied once")
                .isZero();
    }
}
