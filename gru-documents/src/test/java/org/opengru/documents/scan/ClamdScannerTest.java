package org.opengru.documents.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opengru.documents.TestFiles.ascii;
import static org.opengru.documents.TestFiles.concat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opengru.documents.TestFiles;
import org.opengru.documents.crypto.EnvelopeEncryption;
import org.opengru.documents.crypto.StaticKeyProvider;
import org.opengru.documents.ingest.DocumentIngestor;
import org.opengru.documents.ingest.InfectedFileException;
import org.opengru.documents.ingest.QuarantinedFileException;
import org.opengru.documents.ingest.UploadRequest;
import org.opengru.documents.storage.BlobStore;

class ClamdScannerTest {

    private static ScanVerdict scan(ClamdScanner scanner, byte[] file, int piece) {
        try (ScanSession session = scanner.start()) {
            for (int i = 0; i < file.length; i += piece) {
                session.write(file, i, Math.min(piece, file.length - i));
            }
            return session.finish();
        }
    }

    @Test
    void parsesClamdAnswers() {
        assertThat(ClamdScanner.parse("stream: OK").isClean()).isTrue();
        assertThat(ClamdScanner.parse("stream: Win.Test.EICAR_HDB-1 FOUND"))
                .isEqualTo(ScanVerdict.infected("Win.Test.EICAR_HDB-1"));
        assertThat(ClamdScanner.parse("INSTREAM size limit exceeded. ERROR").outcome())
                .isEqualTo(ScanVerdict.Outcome.LIMIT_EXCEEDED);
        assertThat(ClamdScanner.parse("UNKNOWN COMMAND").outcome()).isEqualTo(ScanVerdict.Outcome.ERROR);
        assertThat(ClamdScanner.parse("").outcome()).isEqualTo(ScanVerdict.Outcome.ERROR);
        assertThat(ClamdScanner.parse("stream: OK but more").isClean()).isFalse();
    }

    /** A loopback server answering {@code reply} (or nothing) after reading the request. */
    private static ScanVerdict againstFakeClamd(String reply, Duration timeout) throws Exception {
        try (ServerSocket server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            Thread t = new Thread(() -> {
                try (Socket s = server.accept()) {
                    byte[] prefix = s.getInputStream().readNBytes(10);
                    assertThat(new String(prefix, java.nio.charset.StandardCharsets.US_ASCII))
                            .isEqualTo("zINSTREAM\0");
                    if (reply != null) {
                        s.getOutputStream().write(ascii(reply));
                        s.getOutputStream().flush();
                    }
                    s.getInputStream().transferTo(OutputStream.nullOutputStream());
                } catch (IOException ignored) {
                    // The client hung up.
                }
            });
            t.setDaemon(true);
            t.start();
            try (ClamdScanner scanner = new ClamdScanner(
                    new InetSocketAddress(server.getInetAddress(), server.getLocalPort()), timeout, 1 << 20)) {
                return scan(scanner, new byte[5000], 1000);
            }
        }
    }

    @Test
    void failsClosedOnSilenceGarbageOrAClientSideLimit() throws Exception {
        assertThat(againstFakeClamd(null, Duration.ofMillis(200)).outcome()).isEqualTo(ScanVerdict.Outcome.TIMEOUT);
        assertThat(againstFakeClamd("I am not clamd\0", Duration.ofSeconds(5)).outcome())
                .isEqualTo(ScanVerdict.Outcome.ERROR);
        try (ClamdScanner scanner =
                new ClamdScanner(new InetSocketAddress("127.0.0.1", 9), Duration.ofSeconds(1), 100)) {
            assertThat(scan(scanner, new byte[5000], 1000).outcome())
                    .isIn(ScanVerdict.Outcome.ERROR, ScanVerdict.Outcome.LIMIT_EXCEEDED);
        }
    }

    /** Against a real clamd, skipped only when ClamAV is not installed. */
    @Nested
    class RealClamAv {
        private static final String MARKER = "OpenGRU-test-marker-" + Long.toHexString(System.nanoTime());
        private static RealClamd clamd;
        private static ClamdScanner scanner;

        @BeforeAll
        static void startClamd() throws Exception {
            Path exe = RealClamd.executable();
            Assumptions.assumeTrue(
                    exe != null,
                    "clamd is not installed (Debian: apt-get install clamav-daemon): real ClamAV tests skipped");
            clamd = RealClamd.start(
                    exe,
                    List.of(
                            new String[] {
                                "OpenGRU.Test.EICAR",
                                new String(TestFiles.eicar(), java.nio.charset.StandardCharsets.ISO_8859_1)
                            },
                            new String[] {"OpenGRU.Test.Marker", MARKER}));
            scanner = new ClamdScanner(clamd.address(), Duration.ofSeconds(20), 8 << 20);
        }

        @AfterAll
        static void stopClamd() throws IOException {
            if (scanner != null) {
                scanner.close();
            }
            if (clamd != null) {
                clamd.close();
            }
        }

        @Test
        void answersPing() {
            assertThat(scanner.ping()).isTrue();
        }

        @Test
        void aCleanFileIsClean() {
            ScanVerdict v = scan(scanner, TestFiles.cleanPdf(), 100);
            assertThat(v.outcome()).isEqualTo(ScanVerdict.Outcome.CLEAN);
            assertThat(v.detail()).contains("stream: OK");
        }

        @Test
        void findsTheSignaturesWhereverTheChunksCut() {
            ScanVerdict eicar = scan(scanner, TestFiles.eicar(), 7);
            assertThat(eicar.outcome()).isEqualTo(ScanVerdict.Outcome.INFECTED);
            assertThat(eicar.detail()).startsWith("OpenGRU.Test.EICAR");
            byte[] marked = concat(new byte[100_000], ascii(MARKER), new byte[100_000]);
            assertThat(scan(scanner, marked, 65_536).detail()).startsWith("OpenGRU.Test.Marker");
        }

        @Test
        void overClamdsStreamLimitIsQuarantinedNotAccepted() {
            ScanVerdict v = scan(scanner, new byte[RealClamd.STREAM_MAX + 200_000], 65_536);
            assertThat(v.outcome()).isEqualTo(ScanVerdict.Outcome.LIMIT_EXCEEDED);
            assertThat(v.detail()).contains("size limit exceeded");
        }

        @Test
        void anInfectedUploadIsRefusedAndLeavesNothing(@TempDir Path root) throws IOException {
            DocumentIngestor ingestor = DocumentIngestor.builder()
                    .blobStore(BlobStore.fileSystem(root))
                    .encryption(new EnvelopeEncryption(StaticKeyProvider.generated("k")))
                    .scanner(scanner)
                    .build();
            byte[] pdf = TestFiles.pdfHolding(MARKER);
            assertThatThrownBy(() -> ingestor.ingest(UploadRequest.of("a.pdf"), new ByteArrayInputStream(pdf)))
                    .isInstanceOf(InfectedFileException.class)
                    .hasMessageContaining("OpenGRU.Test.Marker");
            byte[] big = TestFiles.pdfHolding("x".repeat(RealClamd.STREAM_MAX + 1000));
            DocumentIngestor trusting = DocumentIngestor.builder()
                    .blobStore(BlobStore.fileSystem(root))
                    .encryption(new EnvelopeEncryption(StaticKeyProvider.generated("k")))
                    .scanner(scanner) // client limit 8 MiB, clamd's 1 MiB: clamd refuses
                    .build();
            assertThatThrownBy(() -> trusting.ingest(UploadRequest.of("b.pdf"), new ByteArrayInputStream(big)))
                    .isInstanceOf(QuarantinedFileException.class)
                    .hasMessageContaining("limit_exceeded");
            try (Stream<Path> files = Files.walk(root)) {
                assertThat(files.filter(Files::isRegularFile)).isEmpty();
            }
            assertThat(ingestor.ingest(UploadRequest.of("ok.pdf"), new ByteArrayInputStream(TestFiles.cleanPdf()))
                            .scan()
                            .detail())
                    .contains("stream: OK");
        }
    }
}
