package org.opengru.test.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.opengru.core.catalogue.DocumentTypeCode;
import org.opengru.core.error.NotFoundException;
import org.opengru.core.id.IdGenerator;
import org.opengru.core.id.RequestId;
import org.opengru.core.id.UsagerId;
import org.opengru.core.intake.Channel;
import org.opengru.core.jdbc.PostgresPersistence;
import org.opengru.core.principal.Principal;
import org.opengru.core.principal.UsagerPrincipal;
import org.opengru.core.proof.DataProof;
import org.opengru.core.proof.DataProofProvider;
import org.opengru.core.request.Request;
import org.opengru.core.request.RequestAccessPolicy;
import org.opengru.core.request.RequestStatus;
import org.opengru.core.rgpd.EndOfLife;
import org.opengru.core.rgpd.PurgeJob;
import org.opengru.core.rgpd.PurgeReport;
import org.opengru.core.rgpd.RequestEndListener;
import org.opengru.core.rgpd.RetentionPolicy;
import org.opengru.core.rgpd.RetentionStore;
import org.opengru.core.tenancy.TenantId;
import org.opengru.core.usager.MandateStore;
import org.opengru.core.usager.Representations;
import org.opengru.core.usager.UsagerStore;
import org.opengru.documents.crypto.EnvelopeEncryption;
import org.opengru.documents.crypto.StaticKeyProvider;
import org.opengru.documents.crypto.WrappedKey;
import org.opengru.documents.ingest.DocumentIngestor;
import org.opengru.documents.ingest.UploadRequest;
import org.opengru.documents.reuse.Attachment;
import org.opengru.documents.reuse.PieceReuse;
import org.opengru.documents.reuse.ProofAttachment;
import org.opengru.documents.scan.VirusScanner;
import org.opengru.documents.storage.BlobKey;
import org.opengru.documents.storage.BlobNotFoundException;
import org.opengru.documents.storage.BlobStore;
import org.opengru.documents.store.DocumentStore;
import org.opengru.documents.types.DocumentFacts;
import org.opengru.documents.types.DocumentTypes;
import org.opengru.documents.vault.Document;
import org.opengru.documents.vault.DocumentId;
import org.opengru.documents.vault.DocumentVault;
import org.opengru.documents.vault.Download;
import org.opengru.documents.vault.EndedRequestFiles;
import org.opengru.documents.vault.LiveRequests;
import org.opengru.documents.vault.RequestVisibility;
import org.opengru.test.MutableClock;
import org.opengru.test.core.RequestFixtures;
import org.opengru.test.postgres.EmbeddedPostgresExtension;
import org.opengru.test.postgres.PostgresDatabase;

/**
 * gru-core's real {@link PurgeJob} ends a request on PostgreSQL; its files (sent with its messages and
 * complements), its data proof and its references in gru-documents' PostgreSQL store go, through the
 * job's listener or the sweep, while the usager's own document and the files of her other requests stay.
 */
@ExtendWith(EmbeddedPostgresExtension.class)
class RequestEndOfLifeFilesTest {
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private static final Instant AFTER_RETENTION = T0.plus(Duration.ofDays(1200));

    private final MutableClock clock = new MutableClock(T0);
    private final DataSource dataSource;
    private final PostgresPersistence pg;
    private final RequestFixtures fixtures = new RequestFixtures();
    private final TenantId tenant = fixtures.tenant();
    private final BlobStore blobs;
    private final DocumentIngestor ingestor;
    private final DocumentVault vault;
    private final PieceReuse reuse;
    private final EndedRequestFiles files;
    private final UsagerId alice = UsagerId.of(UUID.randomUUID());
    private final UsagerPrincipal aliceActs = Principal.usager(tenant, alice);

    RequestEndOfLifeFilesTest(PostgresDatabase db, @TempDir Path blobDir) {
        dataSource = db.dataSource();
        pg = PostgresPersistence.builder(dataSource, clock)
                .outboxSubscribers(Set.of("logiciel-metier"))
                .build();
        pg.migrate();
        DocumentStore.migrations().migrate(dataSource);
        blobs = BlobStore.fileSystem(blobDir);
        ingestor = DocumentIngestor.builder()
                .blobStore(blobs)
                .encryption(new EnvelopeEncryption(StaticKeyProvider.generated("test")))
                .scanner(VirusScanner.unscanned())
                .build();
        Representations representations = new Representations(UsagerStore.inMemory(), MandateStore.inMemory());
        vault = DocumentVault.builder()
                .clock(clock)
                .store(DocumentStore.postgres(dataSource))
                .ingestor(ingestor)
                .representations(representations)
                .requestVisibility(
                        RequestVisibility.of(pg.requestStore(), new RequestAccessPolicy(representations, clock)))
                .build();
        reuse = new PieceReuse(vault, DataProofProvider.none(), clock, IdGenerator.create(clock), e -> {});
        files = vault.endedRequestFiles(pg.requestStore());
    }

    /** Alice's requests and files: one request to end, one received and held, one draft. */
    private final class Files {
        final Request ending;
        final Request held;
        final Request draft;
        /** Alice's own identity card, in her vault for reuse, referred to by the ending and the held request. */
        final Document card;

        final Attachment message;
        final Attachment complement;
        final ProofAttachment proof;
        final Attachment heldFile;
        final Attachment draftFile;
        final Map<DocumentId, WrappedKey> keys;

        Files() {
            ending = decided(received());
            held = received();
            draft = pg.requestStore().apply(fixtures.draft(alice, T0, null)).request();
            card = vault.upload(
                    aliceActs,
                    alice,
                    DocumentTypes.NATIONAL_ID_CARD,
                    DocumentFacts.issued(LocalDate.of(2022, 5, 1)),
                    Channel.WEB,
                    UploadRequest.of("cni.pdf"),
                    pdf("carte"));
            for (Request r : List.of(ending, held)) {
                reuse.consent(aliceActs, alice, r.id(), r.procedure().code(), Set.of(card.id()), Channel.WEB);
                reuse.attach(aliceActs, r.id(), DocumentTypes.NATIONAL_ID_CARD, card.id());
            }
            message = send(ending, DocumentTypes.MESSAGE_ATTACHMENT, "message");
            complement = send(ending, DocumentTypes.PROOF_OF_ADDRESS, "complement");
            proof = reuse.attachProof(
                    aliceActs,
                    alice,
                    ending.id(),
                    new DataProof(
                            DocumentTypeCode.of("attestation-caf"),
                            "API Particulier — CNAF",
                            "Quotient familial CNAF de 2026-02 : 734",
                            T0,
                            LocalDate.of(2026, 3, 31),
                            Map.of("quotient_familial", "734")));
            heldFile = send(held, DocumentTypes.MESSAGE_ATTACHMENT, "held");
            draftFile = send(draft, DocumentTypes.PROOF_OF_ADDRESS, "draft");
            keys = Map.of(
                    message.document(), key(message),
                    complement.document(), key(complement));
        }

        private Request received() {
            Request d = pg.requestStore().apply(fixtures.draft(alice, T0, null)).request();
            return pg.requestStore()
                    .apply(fixtures.submit(d, T0.plusSeconds(60), null))
                    .request();
        }

        private Request decided(Request r) {
            return pg.requestStore()
                    .apply(fixtures.decide(r, RequestStatus.REJECTED, false, T0.plus(Duration.ofDays(10))))
                    .request();
        }

        private Attachment send(Request r, DocumentTypeCode type, String text) {
            byte[] bytes = pdfBytes(text);
            return reuse.uploadAndAttach(
                    aliceActs,
                    alice,
                    r.id(),
                    r.procedure().code(),
                    type,
                    UploadRequest.of(text + ".pdf").withDeclaredSize(bytes.length),
                    new ByteArrayInputStream(bytes),
                    Channel.WEB);
        }

        private WrappedKey key(Attachment a) {
            return vault.store().wrappedKey(tenant, a.document(), a.version()).orElseThrow();
        }

        BlobKey blob(Attachment a) {
            return vault.store()
                    .find(tenant, a.document())
                    .orElseThrow()
                    .version(1)
                    .blobKey();
        }

        /**
         * The ending request's files cannot be read any more (neither through the vault nor with the
         * wrapped key kept aside: the blob is gone), its rows are gone; the rest stays readable.
         */
        void checkReleased(List<BlobKey> endingBlobs) throws IOException {
            for (Attachment a : List.of(message, complement)) {
                assertThat(catchThrowable(() -> vault.download(aliceActs, a.document(), 1)))
                        .as("the ended request's files")
                        .isInstanceOf(NotFoundException.class);
            }
            for (BlobKey b : endingBlobs) {
                assertThatThrownBy(() -> blobs.open(b)).isInstanceOf(BlobNotFoundException.class);
            }
            assertThat(count("SELECT count(*) FROM gru_document_key WHERE document_id = ANY(?)", keys.keySet()))
                    .as("wrapped keys")
                    .isZero();
            assertThat(count("SELECT count(*) FROM gru_document WHERE filed_with = ?", ending.id()))
                    .isZero();
            assertThat(count("SELECT count(*) FROM gru_document_attachment WHERE request_id = ?", ending.id()))
                    .isZero();
            assertThat(count("SELECT count(*) FROM gru_document_proof WHERE request_id = ?", ending.id()))
                    .isZero();

            assertThat(read(card.id())).as("alice's own document").isEqualTo(pdfBytes("carte"));
            assertThat(read(heldFile.document())).isEqualTo(pdfBytes("held"));
            assertThat(read(draftFile.document())).isEqualTo(pdfBytes("draft"));
            assertThat(vault.store().attachments(tenant, held.id())).hasSize(2);
            assertThat(vault.store().attachments(tenant, draft.id())).hasSize(1);
        }
    }

    private byte[] read(DocumentId id) throws IOException {
        try (Download d = vault.download(aliceActs, id, 1)) {
            return d.content().readAllBytes();
        }
    }

    private static byte[] pdfBytes(String text) {
        // A whole one-page PDF (the vault refuses one without a page); readers rebuild its missing xref.
        return ("%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
                        + "2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n"
                        + "3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>\nendobj\n% " + text
                        + "\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    private static InputStream pdf(String text) {
        return new ByteArrayInputStream(pdfBytes(text));
    }

    private long count(String sql, Object param) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            if (param instanceof RequestId r) {
                ps.setObject(1, r.value());
            } else {
                @SuppressWarnings("unchecked")
                Set<DocumentId> ids = (Set<DocumentId>) param;
                ps.setArray(
                        1,
                        c.createArrayOf(
                                "uuid", ids.stream().map(DocumentId::value).toArray()));
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private PurgeJob job(EndOfLife endOfLife, RequestEndListener listener) {
        return new PurgeJob(
                pg.retentionStore(),
                clock,
                List.of(new RetentionPolicy(
                        RequestFixtures.PROCEDURE.code(), Period.ofYears(1), Period.ofYears(2), endOfLife)),
                50,
                listener);
    }

    /** docs/rgpd.md, "Files at the end of a request's life": the wiring as written there. */
    @Test
    void theDocumentedWiringRunsTheJobWithTheFilesAsListener() {
        // tag::ended-files[]
        EndedRequestFiles files = vault.endedRequestFiles(pg.requestStore());
        PurgeJob job = new PurgeJob(
                pg.retentionStore(),
                clock,
                List.of(new RetentionPolicy(
                        RequestFixtures.PROCEDURE.code(), Period.ofYears(1), Period.ofYears(2), EndOfLife.PURGE)),
                50,
                files); // told of each request purged or anonymised: its files go at once
        job.run(tenant); // daily, from any scheduler
        files.sweep(tenant); // the safety net, on its own schedule
        // end::ended-files[]
        assertThat(job.run(tenant)).as("nothing left to purge").isEqualTo(new PurgeReport(0, 0, 0));
    }

    @Test
    void purgingARequestErasesItsFilesAtOnceThroughTheJobsListener() throws IOException {
        Files f = new Files();
        List<BlobKey> blobs = List.of(f.blob(f.message), f.blob(f.complement));
        clock.set(AFTER_RETENTION);

        assertThat(job(EndOfLife.PURGE, files).run(tenant)).isEqualTo(new PurgeReport(0, 1, 0));

        f.checkReleased(blobs);
        assertThat(files.sweep(tenant).documents())
                .as("nothing left for the sweep")
                .isZero();
    }

    @Test
    void anonymisingARequestKeepsItsStatisticsAndTheSweepErasesItsFiles() throws IOException {
        Files f = new Files();
        List<BlobKey> blobs = List.of(f.blob(f.message), f.blob(f.complement));
        clock.set(AFTER_RETENTION);

        assertThat(job(EndOfLife.ANONYMISE, RequestEndListener.none()).run(tenant))
                .isEqualTo(new PurgeReport(0, 0, 1));
        EndedRequestFiles.Released released = files.sweep(tenant);

        assertThat(released.documents())
                .as("the message's and the complement's files")
                .isEqualTo(2);
        assertThat(released.proofs()).isEqualTo(1);
        assertThat(released.attachments()).as("card, message, complement").isEqualTo(3);
        f.checkReleased(blobs);
        Request stripped = pg.requestStore().find(tenant, f.ending.id()).orElseThrow();
        assertThat(stripped.applicant()).isEqualTo(RetentionStore.ANONYMOUS_APPLICANT);
        assertThat(stripped.status()).isEqualTo(RequestStatus.REJECTED);
        assertThat(files.sweep(tenant)).as("idempotent").isEqualTo(EndedRequestFiles.Released.NONE);
    }

    @Test
    void aListenerThatFailsLeavesTheFilesToTheSweep() throws IOException {
        Files f = new Files();
        List<BlobKey> blobs = List.of(f.blob(f.message), f.blob(f.complement));
        clock.set(AFTER_RETENTION);

        assertThat(job(EndOfLife.PURGE, (t, r, how) -> {
                            throw new IllegalStateException("documents database unreachable");
                        })
                        .run(tenant))
                .as("the purge itself went through")
                .isEqualTo(new PurgeReport(0, 1, 0));
        assertThat(read(f.message.document())).as("still there").isEqualTo(pdfBytes("message"));

        assertThat(files.sweep(tenant).documents()).isEqualTo(2);
        f.checkReleased(blobs);
    }

    @Test
    void theCheckCatchesAPurgeThatLeavesTheFilesBehind() {
        // gru-core's purge alone, as before EndedRequestFiles: the files outlive their request.
        Files f = new Files();
        List<BlobKey> blobs = List.of(f.blob(f.message), f.blob(f.complement));
        clock.set(AFTER_RETENTION);

        assertThat(job(EndOfLife.PURGE, RequestEndListener.none()).run(tenant)).isEqualTo(new PurgeReport(0, 1, 0));

        assertThatThrownBy(() -> f.checkReleased(blobs))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("the ended request's files");
    }

    @Test
    void draftsAndHeldRequestsAreAliveEndedOnesAreNot() {
        Files f = new Files();
        Request purged = f.decided(f.received());
        Request anonymised = f.decided(f.received());
        pg.retentionStore().purge(tenant, purged.id());
        pg.retentionStore().anonymise(tenant, anonymised.id(), T0.plusSeconds(120));
        LiveRequests live = LiveRequests.of(pg.requestStore());

        assertThat(live.live(tenant, f.draft.id())).as("a draft").isTrue();
        assertThat(live.live(tenant, f.held.id())).isTrue();
        assertThat(live.live(tenant, f.ending.id()))
                .as("closed, under retention")
                .isTrue();
        assertThat(live.live(tenant, purged.id())).isFalse();
        assertThat(live.live(tenant, anonymised.id())).isFalse();
        assertThat(live.live(TenantId.of("commune-69123"), f.held.id()))
                .as("other tenant")
                .isFalse();
    }
}
