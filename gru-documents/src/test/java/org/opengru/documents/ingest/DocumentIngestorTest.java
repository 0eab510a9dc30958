package org.opengru.documents.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opengru.documents.TestFiles.ascii;
import static org.opengru.documents.TestFiles.concat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opengru.documents.TestFiles;
import org.opengru.documents.crypto.EnvelopeEncryption;
import org.opengru.documents.crypto.StaticKeyProvider;
import org.opengru.documents.scan.ClamdScanner;
import org.opengru.documents.scan.ScanSession;
import org.opengru.documents.scan.ScanVerdict;
import org.opengru.documents.scan.VirusScanner;
import org.opengru.documents.sniff.AllowedMediaType;
import org.opengru.documents.storage.BlobKey;
import org.opengru.documents.storage.BlobStore;
import org.opengru.documents.storage.BlobUpload;

/** Every bad input of the issue, through the real pipeline onto a real directory. */
class DocumentIngestorTest {
    @TempDir
    Path root;

    private BlobStore store;
    private DocumentIngestor ingestor;

    @BeforeEach
    void setUp() {
        store = BlobStore.fileSystem(root);
        ingestor = ingestor(store, VirusScanner.unscanned(), IngestionPolicy.defaults());
    }

    private static DocumentIngestor ingestor(BlobStore store, VirusScanner scanner, IngestionPolicy policy) {
        return DocumentIngestor.builder()
                .blobStore(store)
                .encryption(new EnvelopeEncryption(StaticKeyProvider.generated("test-1")))
                .scanner(scanner)
                .policy(policy)
                .build();
    }

    private IngestedFile ingest(String name, byte[] content) {
        return ingestor.ingest(
                UploadRequest.of(name).withDeclaredSize(content.length), new ByteArrayInputStream(content));
    }

    private long filesOnDisk() throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    /** Asserts the refusal, its reason, and that not a single file remains under the store's root. */
    private void assertRefused(
            ThrowingCallable upload,
            Class<? extends UploadRejectedException> type,
            RejectionReason reason,
            String messagePart)
            throws IOException {
        assertThatThrownBy(upload)
                .isInstanceOf(type)
                .hasMessageStartingWith(reason.name() + ": ")
                .hasMessageContaining(messagePart)
                .extracting(e -> ((UploadRejectedException) e).reason())
                .isEqualTo(reason);
        assertThat(filesOnDisk()).as("files left on disk").isZero();
    }

    @Test
    void acceptsAndRestoresEachAllowedType() throws Exception {
        List<Object[]> files = List.of(
                new Object[] {"attestation.pdf", TestFiles.cleanPdf(), AllowedMediaType.PDF},
                new Object[] {"photo.png", TestFiles.png(40, 30), AllowedMediaType.PNG},
                new Object[] {"CNI recto.JPG", TestFiles.jpeg(40, 30), AllowedMediaType.JPEG},
                new Object[] {"scan.webp", TestFiles.webpVp8x(800, 600), AllowedMediaType.WEBP},
                new Object[] {"IMG_0001.HEIC", TestFiles.heic("heic", 4032, 3024, 5000, false), AllowedMediaType.HEIC});
        for (Object[] f : files) {
            byte[] content = (byte[]) f[1];
            IngestedFile stored = ingest((String) f[0], content);
            assertThat(stored.mediaType()).isEqualTo(f[2]);
            assertThat(stored.size()).isEqualTo(content.length);
            assertThat(stored.sha256().hex())
                    .isEqualTo(HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256").digest(content)));
            assertThat(stored.fileName().value()).isEqualTo(f[0]);
            try (InputStream in = ingestor.open(stored.blobKey(), stored.wrappedKey())) {
                assertThat(in.readAllBytes()).isEqualTo(content);
            }
        }
        // Stored encrypted: the plaintext appears nowhere on disk.
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.filter(Files::isRegularFile).toList()) {
                assertThat(new String(Files.readAllBytes(p), java.nio.charset.StandardCharsets.ISO_8859_1))
                        .doesNotContain("%PDF", "Justificatif", "IHDR", "ftyp");
            }
        }
    }

    /** A PDF of exactly {@code size} bytes: a long string pads it (its offsets gain digits, hence the loop). */
    private static byte[] pdfOfSize(int size) {
        int padding = size;
        byte[] pdf = paddedPdf(padding);
        while (pdf.length != size) {
            padding -= pdf.length - size;
            pdf = paddedPdf(padding);
        }
        return pdf;
    }

    private static byte[] paddedPdf(int padding) {
        return TestFiles.pdfHolding("x".repeat(padding));
    }

    /** Returns at most {@code max} bytes per read, of random sizes, as a network stream does. */
    private static InputStream inSmallPieces(byte[] content, Random random, int max) {
        return new ByteArrayInputStream(content) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 1 + random.nextInt(max)));
            }
        };
    }

    @Test
    void restoresLargeFilesWhateverTheReadSizes() throws Exception {
        // Several reading buffers and encryption chunks; sizes on and off their boundaries.
        Random random = new Random(11);
        for (int size : new int[] {(1 << 20), (1 << 20) + 1, (1 << 20) - 1, (3 << 18) + 12_345}) {
            byte[] content = pdfOfSize(size);
            for (int max : new int[] {1_500, 100_000, Integer.MAX_VALUE - 1}) {
                IngestedFile stored = ingestor.ingest(
                        UploadRequest.of("scan.pdf").withDeclaredSize(size), inSmallPieces(content, random, max));
                assertThat(stored.size()).isEqualTo(size);
                assertThat(stored.sha256().hex())
                        .isEqualTo(HexFormat.of()
                                .formatHex(MessageDigest.getInstance("SHA-256").digest(content)));
                try (InputStream in = ingestor.open(stored.blobKey(), stored.wrappedKey())) {
                    assertThat(in.readAllBytes())
                            .as("%d bytes read %d at most", size, max)
                            .isEqualTo(content);
                }
                ingestor.deleteBlob(stored.blobKey());
            }
        }
    }

    @Test
    void storageKeysAreRandomAndSayNothingOfTheName() {
        IngestedFile a = ingest("avis.pdf", TestFiles.cleanPdf());
        IngestedFile b = ingest("avis.pdf", TestFiles.cleanPdf());
        assertThat(a.blobKey()).isNotEqualTo(b.blobKey());
        assertThat(a.blobKey().value()).matches("[0-9a-f]{32}").doesNotContain("avis");
        assertThat(a.wrappedKey()).isNotEqualTo(b.wrappedKey());
    }

    @Test
    void refusesAnOversizedFileEvenWhenTheDeclaredSizeLies() throws IOException {
        ingestor = ingestor(
                store,
                VirusScanner.unscanned(),
                IngestionPolicy.builder().maxBytes(AllowedMediaType.PDF, 10_000).build());
        byte[] big = TestFiles.pdf("<< /Type /Catalog >>", "(" + "x".repeat(20_000) + ")");
        // Honest declaration: refused before reading.
        assertRefused(
                () -> ingest("big.pdf", big), FileTooLargeException.class, RejectionReason.FILE_TOO_LARGE, "declares");
        // Lying declaration (says 5,000): refused once the bytes counted pass the limit.
        assertRefused(
                () -> ingestor.ingest(
                        UploadRequest.of("big.pdf").withDeclaredSize(5_000), new ByteArrayInputStream(big)),
                FileTooLargeException.class,
                RejectionReason.FILE_TOO_LARGE,
                "more than the 10000 bytes allowed (it declared 5000)");
        // A lie under the limit is refused too: the client said 1,000 and sends more.
        byte[] small = TestFiles.cleanPdf();
        assertRefused(
                () -> ingestor.ingest(
                        UploadRequest.of("small.pdf").withDeclaredSize(100), new ByteArrayInputStream(small)),
                DeclaredSizeMismatchException.class,
                RejectionReason.DECLARED_SIZE_MISMATCH,
                "declared 100");
        // No declaration at all: counted.
        assertRefused(
                () -> ingestor.ingest(UploadRequest.of("big.pdf"), new ByteArrayInputStream(big)),
                FileTooLargeException.class,
                RejectionReason.FILE_TOO_LARGE,
                "more than the 10000 bytes");
        // A limit of the document type (per call) tighter than the policy's.
        assertRefused(
                () -> ingestor.ingest(
                        UploadRequest.of("a.pdf").withMaxBytes(500), new ByteArrayInputStream(TestFiles.cleanPdf())),
                FileTooLargeException.class,
                RejectionReason.FILE_TOO_LARGE,
                "500");
    }

    /** docs/documents.md, "What gets refused, and how it reads": one refusal of each kind shown there. */
    @Test
    void theDocumentedRefusalsReadAsShown() throws IOException {
        // tag::refusals[]
        assertRefused(
                () -> ingest("facture.pdf", TestFiles.windowsExecutable()),
                UnsupportedMediaTypeException.class,
                RejectionReason.UNSUPPORTED_MEDIA_TYPE,
                "Windows executable");
        assertRefused(
                () -> ingest("a.pdf", TestFiles.pdfWithOpenAction("J#61vaScript", "J#53")),
                ActivePdfContentException.class,
                RejectionReason.PDF_ACTIVE_CONTENT,
                "/JavaScript");
        assertRefused(
                () -> ingest("flood.png", TestFiles.pixelFloodPng(100_000, 100_000)),
                ImageTooLargeException.class,
                RejectionReason.IMAGE_TOO_LARGE,
                "100000 x 100000");
        // end::refusals[]
    }

    @Test
    void refusesARenamedExecutable() throws IOException {
        assertRefused(
                () -> ingest("facture.pdf", TestFiles.windowsExecutable()),
                UnsupportedMediaTypeException.class,
                RejectionReason.UNSUPPORTED_MEDIA_TYPE,
                "Windows executable");
    }

    @Test
    void refusesContentThatDisagreesWithItsExtension() throws IOException {
        assertRefused(
                () -> ingest("photo.jpg", TestFiles.png(4, 4)),
                ExtensionMismatchException.class,
                RejectionReason.EXTENSION_MISMATCH,
                "PNG image");
        assertRefused(
                () -> ingest("sans-extension", TestFiles.cleanPdf()),
                ExtensionMismatchException.class,
                RejectionReason.EXTENSION_MISMATCH,
                "without an extension");
    }

    @Test
    void refusesPolyglots() throws IOException {
        assertRefused(
                () -> ingest("releve.pdf", concat(TestFiles.cleanPdf(), TestFiles.zip())),
                PolyglotFileException.class,
                RejectionReason.POLYGLOT,
                "ZIP");
        // A JPEG ends at its EOI: what follows (other than more JPEG images) is refused before the ZIP check.
        assertRefused(
                () -> ingest("photo.jpg", concat(TestFiles.jpeg(8, 8), TestFiles.zip())),
                PolyglotFileException.class,
                RejectionReason.POLYGLOT,
                "after its end-of-image marker");
        // A ZIP in front of a PDF is simply a ZIP.
        assertRefused(
                () -> ingest("releve.pdf", concat(TestFiles.zip(), TestFiles.cleanPdf())),
                UnsupportedMediaTypeException.class,
                RejectionReason.UNSUPPORTED_MEDIA_TYPE,
                "ZIP archive");
    }

    @Test
    void refusesPdfsWithJavaScriptLaunchActionsOrEmbeddedFiles() throws IOException {
        assertRefused(
                () -> ingest("a.pdf", TestFiles.pdfWithOpenAction("JavaScript", "JS")),
                ActivePdfContentException.class,
                RejectionReason.PDF_ACTIVE_CONTENT,
                "/JavaScript");
        assertRefused(
                () -> ingest("a.pdf", TestFiles.pdfWithOpenAction("J#61vaScript", "J#53")),
                ActivePdfContentException.class,
                RejectionReason.PDF_ACTIVE_CONTENT,
                "/JavaScript");
        assertRefused(
                () -> ingest("a.pdf", TestFiles.pdfWithOpenAction("Launch", "F")),
                ActivePdfContentException.class,
                RejectionReason.PDF_ACTIVE_CONTENT,
                "/Launch");
        assertRefused(
                () -> ingest("a.pdf", TestFiles.pdfWithJavaScriptInObjectStream()),
                ActivePdfContentException.class,
                RejectionReason.PDF_ACTIVE_CONTENT,
                "inside a compressed object stream");
        byte[] attachment = TestFiles.pdfObjects(List.of(
                ascii("<< /Type /Catalog /Names << /EmbeddedFiles 2 0 R >> >>"),
                ascii("<< /Names [(x.exe) 3 0 R] >>"),
                TestFiles.streamObject("/Type /EmbeddedFile", ascii("MZ..."))));
        assertRefused(
                () -> ingest("a.pdf", attachment),
                ActivePdfContentException.class,
                RejectionReason.PDF_ACTIVE_CONTENT,
                "/EmbeddedFile");
        byte[] encrypted = ascii(new String(
                        TestFiles.pdf("<< /Type /Catalog >>", "<< /Filter /Standard /V 2 /R 3 >>"),
                        java.nio.charset.StandardCharsets.ISO_8859_1)
                .replace("/Root 1 0 R", "/Root 1 0 R /Encrypt 2 0 R"));
        assertRefused(
                () -> ingest("a.pdf", encrypted),
                EncryptedPdfException.class,
                RejectionReason.PDF_ENCRYPTED,
                "encrypted");
    }

    @Test
    void refusesAPixelFloodPngBeforeAnythingDecodesIt() throws IOException {
        assertRefused(
                () -> ingest("flood.png", TestFiles.pixelFloodPng(100_000, 100_000)),
                ImageTooLargeException.class,
                RejectionReason.IMAGE_TOO_LARGE,
                "100000 x 100000");
        assertRefused(
                () -> ingest("flood.jpg", TestFiles.jpegHeader(65_000, 65_000, 60_000)),
                ImageTooLargeException.class,
                RejectionReason.IMAGE_TOO_LARGE,
                "65000 x 65000");
        assertRefused(
                () -> ingest("flood.webp", TestFiles.webpVp8x(16_000_000, 16_000_000)),
                ImageTooLargeException.class,
                RejectionReason.IMAGE_TOO_LARGE,
                "WebP");
        assertRefused(
                () -> ingest("flood.heic", TestFiles.heic("heic", 1_000_000, 1_000_000, 100, false)),
                ImageTooLargeException.class,
                RejectionReason.IMAGE_TOO_LARGE,
                "HEIF");
    }

    @Test
    void refusesDangerousFileNamesBeforeReadingAByte() throws IOException {
        InputStream untouchable = new InputStream() {
            @Override
            public int read() {
                throw new AssertionError("the content must not be read");
            }
        };
        for (String name : List.of("../../etc/passwd.pdf", "facture\0.pdf", "facture\u202Efdp.exe")) {
            assertRefused(
                    () -> ingestor.ingest(UploadRequest.of(name), untouchable),
                    InvalidFileNameException.class,
                    RejectionReason.INVALID_FILE_NAME,
                    "file name");
        }
    }

    @Test
    void refusesAnEmptyFile() throws IOException {
        assertRefused(
                () -> ingest("vide.pdf", new byte[0]), EmptyFileException.class, RejectionReason.EMPTY_FILE, "0 bytes");
        assertRefused(
                () -> ingestor.ingest(UploadRequest.of("vide.pdf"), InputStream.nullInputStream()),
                EmptyFileException.class,
                RejectionReason.EMPTY_FILE,
                "no content");
    }

    /** A stream that delivers {@code content} up to {@code failAt} bytes, then breaks like a dropped connection. */
    private static InputStream breakingAfter(byte[] content, int failAt) {
        return new InputStream() {
            private int pos;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (pos >= failAt) {
                    throw new IOException("Connection reset by peer");
                }
                int n = Math.min(Math.min(len, failAt - pos), 1000);
                System.arraycopy(content, pos, b, off, n);
                pos += n;
                return n;
            }
        };
    }

    @Test
    void aTruncatedUploadLeavesNothing() throws IOException {
        byte[] png = TestFiles.png(300, 300);
        assertThat(png.length).isGreaterThan(5_000);
        assertRefused(
                () -> ingestor.ingest(UploadRequest.of("photo.png"), breakingAfter(png, png.length / 2)),
                TruncatedUploadException.class,
                RejectionReason.TRUNCATED_UPLOAD,
                "Connection reset");
        // Half-way through a large file, after the writer thread has stored several buffers.
        byte[] pdf = pdfOfSize(2 << 20);
        assertRefused(
                () -> ingestor.ingest(UploadRequest.of("scan.pdf"), breakingAfter(pdf, 3 << 19)),
                TruncatedUploadException.class,
                RejectionReason.TRUNCATED_UPLOAD,
                "failed after 1572864 bytes");
        // The stream ends cleanly but short of its declared size.
        assertRefused(
                () -> ingestor.ingest(
                        UploadRequest.of("photo.png").withDeclaredSize(png.length),
                        new ByteArrayInputStream(png, 0, png.length - 10)),
                TruncatedUploadException.class,
                RejectionReason.TRUNCATED_UPLOAD,
                "declared");
    }

    @Test
    void aScannerThatTimesOutQuarantinesTheFile() throws Exception {
        // A loopback "clamd" that swallows the stream and never answers.
        try (ServerSocket server = new ServerSocket(0, 10, java.net.InetAddress.getLoopbackAddress())) {
            Thread sink = new Thread(() -> {
                try (Socket s = server.accept()) {
                    s.getInputStream().transferTo(OutputStream.nullOutputStream());
                } catch (IOException ignored) {
                    // The client gave up: expected.
                }
            });
            sink.setDaemon(true);
            sink.start();
            try (ClamdScanner scanner = new ClamdScanner(
                    new InetSocketAddress(server.getInetAddress(), server.getLocalPort()),
                    Duration.ofMillis(300),
                    1 << 20)) {
                ingestor = ingestor(store, scanner, IngestionPolicy.defaults());
                assertRefused(
                        () -> ingest("a.pdf", TestFiles.cleanPdf()),
                        QuarantinedFileException.class,
                        RejectionReason.QUARANTINED,
                        "timeout");
            }
        }
    }

    @Test
    void aScannerThatIsDownQuarantinesTheFile() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        try (ClamdScanner scanner =
                new ClamdScanner(new InetSocketAddress("127.0.0.1", closedPort), Duration.ofSeconds(2), 1 << 20)) {
            ingestor = ingestor(store, scanner, IngestionPolicy.defaults());
            assertRefused(
                    () -> ingest("a.pdf", TestFiles.cleanPdf()),
                    QuarantinedFileException.class,
                    RejectionReason.QUARANTINED,
                    "cannot reach clamd");
        }
    }

    @Test
    void anInfectedVerdictRefusesTheFile() throws IOException {
        VirusScanner alwaysFound = () -> new ScanSession() {
            @Override
            public void write(byte[] b, int off, int len) {}

            @Override
            public ScanVerdict finish() {
                return ScanVerdict.infected("Win.Test.EICAR_HDB-1");
            }

            @Override
            public void close() {}
        };
        ingestor = ingestor(store, alwaysFound, IngestionPolicy.defaults());
        assertRefused(
                () -> ingest("a.pdf", TestFiles.cleanPdf()),
                InfectedFileException.class,
                RejectionReason.INFECTED,
                "Win.Test.EICAR_HDB-1");
    }

    @Test
    void aStorageFailureHalfWayIsReportedAndLeavesNothing() throws IOException {
        BlobStore real = BlobStore.fileSystem(root);
        BlobStore failing = new BlobStore() {
            @Override
            public BlobUpload create(BlobKey key) {
                BlobUpload upload = real.create(key);
                return new BlobUpload() {
                    private long written;

                    @Override
                    public BlobKey key() {
                        return key;
                    }

                    @Override
                    public OutputStream stream() {
                        return new OutputStream() {
                            @Override
                            public void write(int b) throws IOException {
                                write(new byte[] {(byte) b}, 0, 1);
                            }

                            @Override
                            public void write(byte[] b, int off, int len) throws IOException {
                                written += len;
                                if (written > 1_000_000) { // a few buffers in
                                    throw new IOException("No space left on device");
                                }
                                upload.stream().write(b, off, len);
                            }
                        };
                    }

                    @Override
                    public void commit() {
                        upload.commit();
                    }

                    @Override
                    public void abort() {
                        upload.abort();
                    }

                    @Override
                    public void close() {
                        upload.close();
                    }
                };
            }

            @Override
            public InputStream open(BlobKey key) {
                return real.open(key);
            }

            @Override
            public boolean exists(BlobKey key) {
                return real.exists(key);
            }

            @Override
            public boolean delete(BlobKey key) {
                return real.delete(key);
            }
        };
        ingestor = ingestor(failing, VirusScanner.unscanned(), IngestionPolicy.defaults());
        byte[] big = pdfOfSize(2_000_000); // a whole PDF: the store's failure is the only one
        assertThatThrownBy(() -> ingest("big.pdf", big))
                .isInstanceOf(org.opengru.documents.storage.StorageException.class)
                .hasMessageContaining("No space left on device");
        assertThat(filesOnDisk()).isZero();
    }

    /**
     * The "nothing left on disk" check must be able to fail: with a store whose abort forgets to
     * delete the temporary file, the same refusal leaves a file behind and the check sees it.
     */
    @Test
    void theLeftoverCheckCatchesAStoreThatDoesNotCleanUp() throws IOException {
        BlobStore real = BlobStore.fileSystem(root);
        BlobStore leaky = new BlobStore() {
            @Override
            public BlobUpload create(BlobKey key) {
                BlobUpload upload = real.create(key);
                return new BlobUpload() {
                    @Override
                    public BlobKey key() {
                        return key;
                    }

                    @Override
                    public OutputStream stream() {
                        return upload.stream();
                    }

                    @Override
                    public void commit() {
                        upload.commit();
                    }

                    @Override
                    public void abort() {
                        // Bug on purpose: the temporary file stays.
                    }

                    @Override
                    public void close() {}
                };
            }

            @Override
            public InputStream open(BlobKey key) {
                return real.open(key);
            }

            @Override
            public boolean exists(BlobKey key) {
                return real.exists(key);
            }

            @Override
            public boolean delete(BlobKey key) {
                return real.delete(key);
            }
        };
        ingestor = ingestor(leaky, VirusScanner.unscanned(), IngestionPolicy.defaults());
        assertThatThrownBy(() -> assertRefused(
                        () -> ingest("a.pdf", TestFiles.pdfWithOpenAction("JavaScript", "JS")),
                        ActivePdfContentException.class,
                        RejectionReason.PDF_ACTIVE_CONTENT,
                        "/JavaScript"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("files left on disk");
    }
}
