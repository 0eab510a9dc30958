package org.opengru.documents.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opengru.documents.TestFiles;
import org.opengru.documents.crypto.EnvelopeEncryption;
import org.opengru.documents.crypto.KeyProvider;
import org.opengru.documents.crypto.StaticKeyProvider;
import org.opengru.documents.crypto.WrappedKey;
import org.opengru.documents.scan.ClamdScanner;
import org.opengru.documents.scan.VirusScanner;
import org.opengru.documents.storage.BlobStore;

/**
 * Whatever fails during an ingestion, nothing stays behind: no temporary file in the blob store, no
 * PDF spool, no open connection to clamd, and the caller gets a typed refusal. The scanner here is a
 * loopback fake clamd that reports when the client hangs up.
 */
class IngestionFailureCleanupTest {
    @TempDir
    Path root;

    private ServerSocket server;
    private final CompletableFuture<Boolean> hungUp = new CompletableFuture<>();
    private ClamdScanner clamd;

    @BeforeEach
    void fakeClamd() throws IOException {
        server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        Thread t = new Thread(() -> {
            try (Socket s = server.accept()) {
                s.getInputStream().transferTo(OutputStream.nullOutputStream());
                hungUp.complete(true); // the client closed its side
            } catch (IOException e) {
                hungUp.complete(true); // reset by the client: closed too
            }
        });
        t.setDaemon(true);
        t.start();
        clamd = new ClamdScanner(
                new InetSocketAddress(server.getInetAddress(), server.getLocalPort()), Duration.ofSeconds(30), 1 << 26);
    }

    @AfterEach
    void stop() throws IOException {
        clamd.close();
        server.close();
    }

    /** A key provider during a KMS outage. */
    private static final KeyProvider KMS_DOWN = new KeyProvider() {
        @Override
        public String currentKeyId() {
            return "kms";
        }

        @Override
        public WrappedKey wrap(byte[] dataKey, byte[] context) {
            throw new IllegalStateException("KMS unavailable: connection refused");
        }

        @Override
        public byte[] unwrap(WrappedKey wrapped, byte[] context) {
            throw new IllegalStateException("KMS unavailable: connection refused");
        }
    };

    private DocumentIngestor ingestor(KeyProvider keys, VirusScanner scanner) {
        return DocumentIngestor.builder()
                .blobStore(BlobStore.fileSystem(root))
                .encryption(new EnvelopeEncryption(keys))
                .scanner(scanner)
                .build();
    }

    private long filesUnderRoot() throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    private static long spoolFiles() throws IOException {
        try (DirectoryStream<Path> d =
                Files.newDirectoryStream(Path.of(System.getProperty("java.io.tmpdir")), "opengru-pdf-*.spool")) {
            long n = 0;
            for (Path ignored : d) {
                n++;
            }
            return n;
        }
    }

    private void assertNothingLeft(long spoolsBefore) throws Exception {
        assertThat(filesUnderRoot()).as("files left in the blob store").isZero();
        assertThat(spoolFiles()).as("PDF spools left").isEqualTo(spoolsBefore);
        assertThat(hungUp.get(30, TimeUnit.SECONDS))
                .as("clamd connection closed")
                .isTrue();
    }

    @Test
    void aKeyProviderFailureAbortsEverythingWithATypedRefusal() throws Exception {
        long spools = spoolFiles();
        byte[] pdf = TestFiles.cleanPdf();
        assertThatThrownBy(() -> ingestor(KMS_DOWN, clamd)
                        .ingest(
                                UploadRequest.of("avis.pdf").withDeclaredSize(pdf.length),
                                new ByteArrayInputStream(pdf)))
                .isInstanceOf(UploadRejectedException.class)
                .hasMessageContaining("KMS unavailable")
                .extracting(e -> ((UploadRejectedException) e).reason().name())
                .isEqualTo("INGESTION_FAILED");
        assertNothingLeft(spools);
    }

    @Test
    void aPdfRefusedAfterTheWholeFileIsSpooledLeavesNothing() throws Exception {
        long spools = spoolFiles();
        byte[] pdf = TestFiles.pdfWithOpenAction("JavaScript", "JS");
        assertThatThrownBy(() -> ingestor(StaticKeyProvider.generated("k"), clamd)
                        .ingest(
                                UploadRequest.of("avis.pdf").withDeclaredSize(pdf.length),
                                new ByteArrayInputStream(pdf)))
                .isInstanceOf(ActivePdfContentException.class);
        assertNothingLeft(spools);
    }

    @Test
    void aScannerThatCannotStartLeavesNoTemporaryFile() throws Exception {
        hungUp.complete(true); // no clamd in this test
        long spools = spoolFiles();
        VirusScanner broken = () -> {
            throw new IllegalStateException("clamd: too many connections");
        };
        byte[] pdf = TestFiles.cleanPdf();
        assertThatThrownBy(() -> ingestor(StaticKeyProvider.generated("k"), broken)
                        .ingest(
                                UploadRequest.of("avis.pdf").withDeclaredSize(pdf.length),
                                new ByteArrayInputStream(pdf)))
                .isInstanceOf(UploadRejectedException.class)
                .extracting(e -> ((UploadRejectedException) e).reason().name())
                .isEqualTo("INGESTION_FAILED");
        assertNothingLeft(spools);
    }
}
