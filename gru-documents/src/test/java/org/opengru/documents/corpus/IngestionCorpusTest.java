package org.opengru.documents.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.opengru.core.id.IdGenerator;
import org.opengru.core.id.UsagerId;
import org.opengru.core.intake.Channel;
import org.opengru.core.principal.Principal;
import org.opengru.core.principal.UsagerPrincipal;
import org.opengru.core.tenancy.TenantId;
import org.opengru.core.usager.MandateStore;
import org.opengru.core.usager.Representations;
import org.opengru.core.usager.UsagerStore;
import org.opengru.documents.crypto.EnvelopeEncryption;
import org.opengru.documents.crypto.StaticKeyProvider;
import org.opengru.documents.ingest.DocumentIngestor;
import org.opengru.documents.ingest.RejectionReason;
import org.opengru.documents.ingest.UploadRejectedException;
import org.opengru.documents.ingest.UploadRequest;
import org.opengru.documents.scan.VirusScanner;
import org.opengru.documents.storage.BlobStore;
import org.opengru.documents.store.DocumentStore;
import org.opengru.documents.types.DocumentFacts;
import org.opengru.documents.types.DocumentTypes;
import org.opengru.documents.vault.Document;
import org.opengru.documents.vault.DocumentVault;

/**
 * The hostile corpus through the public vault API, on the file-system blob store with encryption:
 * each file is refused with its typed reason and leaves the blob folder and the document store as they
 * were. The legitimate corpus next to it must pass.
 */
class IngestionCorpusTest {
    private static final TenantId TENANT = TenantId.of("commune-75056");

    @TempDir
    Path blobDir;

    private final UsagerId owner = UsagerId.of(java.util.UUID.randomUUID());
    private final UsagerPrincipal resident = Principal.usager(TENANT, owner);

    private DocumentVault vault() {
        Clock clock = Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC);
        DocumentIngestor ingestor = DocumentIngestor.builder()
                .blobStore(BlobStore.fileSystem(blobDir))
                .encryption(new EnvelopeEncryption(StaticKeyProvider.generated("corpus")))
                .scanner(VirusScanner.unscanned())
                .build();
        return DocumentVault.builder()
                .clock(clock)
                .ids(IdGenerator.create(clock))
                .store(DocumentStore.inMemory())
                .ingestor(ingestor)
                .representations(new Representations(UsagerStore.inMemory(), MandateStore.inMemory()))
                .requestVisibility((agent, request) -> false)
                .events(events -> {})
                .build();
    }

    private Document upload(DocumentVault vault, String name, byte[] content) {
        return vault.upload(
                resident,
                owner,
                DocumentTypes.PROOF_OF_ADDRESS,
                DocumentFacts.issued(LocalDate.of(2026, 2, 10)),
                Channel.WEB,
                UploadRequest.of(name).withDeclaredSize(content.length),
                new ByteArrayInputStream(content));
    }

    /** Every file under the blob folder (the .tmp folder included) with its size. */
    private Map<String, Long> blobFolder() {
        Map<String, Long> files = new TreeMap<>();
        try (Stream<Path> s = Files.walk(blobDir)) {
            s.forEach(p -> {
                try {
                    files.put(blobDir.relativize(p).toString(), Files.isDirectory(p) ? -1 : Files.size(p));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    private void assertRefused(String name, byte[] content, RejectionReason reason) {
        DocumentVault vault = vault();
        Map<String, Long> before = blobFolder();
        assertThatThrownBy(() -> upload(vault, name, content))
                .isInstanceOf(UploadRejectedException.class)
                .extracting(e -> ((UploadRejectedException) e).reason())
                .isEqualTo(reason);
        assertThat(blobFolder()).isEqualTo(before);
        assertThat(vault.vaultOf(resident, owner)).isEmpty();
    }

    private void assertAccepted(String name, byte[] content) {
        DocumentVault vault = vault();
        Document d = upload(vault, name, content);
        assertThat(d.current().size()).isEqualTo(content.length);
        assertThat(vault.vaultOf(resident, owner)).containsExactly(d);
    }

    static Stream<Arguments> hostilePdfs() {
        List<Arguments> all = new ArrayList<>();
        for (PdfForge.Family family : Families.hostile()) {
            for (PdfForge.Form form : PdfForge.Form.values()) {
                all.add(Arguments.of(family.name(), form, PdfForge.build(family, form)));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("hostilePdfs")
    void activeContentIsRefusedWhereverItSits(String family, PdfForge.Form form, byte[] pdf) {
        assertRefused("avis.pdf", pdf, RejectionReason.PDF_ACTIVE_CONTENT);
    }

    @Test
    void encryptedPdfsAreRefused() {
        assertRefused("avis.pdf", LegitimateFiles.encryptedPdf("secret"), RejectionReason.PDF_ENCRYPTED);
        assertRefused("avis.pdf", LegitimateFiles.encryptedPdf(""), RejectionReason.PDF_ENCRYPTED);
    }

    static Stream<Arguments> malformedFiles() {
        return MalformedFiles.all().entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedFiles")
    void brokenFilesAreRefusedAsMalformed(String name, byte[] content) {
        assertRefused(name, content, RejectionReason.MALFORMED_FILE);
    }

    static Stream<Arguments> polyglots() {
        return MalformedFiles.polyglots().entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("polyglots")
    void imagesCarryingAnotherFileAreRefused(String name, byte[] content) {
        assertRefused(name, content, RejectionReason.POLYGLOT);
    }

    static Stream<Arguments> legitimateFiles() {
        return LegitimateFiles.all().entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("legitimateFiles")
    void legitimateFilesPass(String name, byte[] content) {
        assertAccepted(name, content);
    }
}
