package org.opengru.documents.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.opengru.documents.crypto.EnvelopeEncryption;
import org.opengru.documents.crypto.WrappedKey;
import org.opengru.documents.ingest.internal.HeifHeaderInspector;
import org.opengru.documents.ingest.internal.JpegHeaderInspector;
import org.opengru.documents.ingest.internal.PdfInspection;
import org.opengru.documents.ingest.internal.PdfSpool;
import org.opengru.documents.ingest.internal.PngHeaderInspector;
import org.opengru.documents.ingest.internal.StreamInspector;
import org.opengru.documents.ingest.internal.WebpHeaderInspector;
import org.opengru.documents.ingest.internal.WebpStructureInspector;
import org.opengru.documents.ingest.internal.WriteBehind;
import org.opengru.documents.ingest.internal.ZipTailDetector;
import org.opengru.documents.scan.ScanSession;
import org.opengru.documents.scan.ScanVerdict;
import org.opengru.documents.scan.VirusScanner;
import org.opengru.documents.sniff.AllowedMediaType;
import org.opengru.documents.sniff.ContentSniffer;
import org.opengru.documents.sniff.DetectedType;
import org.opengru.documents.storage.BlobKey;
import org.opengru.documents.storage.BlobStore;
import org.opengru.documents.storage.BlobUpload;
import org.opengru.documents.storage.StorageException;

/**
 * Takes an upload in one streaming pass: the name is sanitised, the first bytes sniffed against the
 * allow-list and the extension, then every byte is counted against the type's limit, hashed
 * (SHA-256), inspected (image structure and size, ZIP polyglot), sent to the virus scanner and
 * encrypted into the blob store under a random key. A PDF is also spooled (encrypted) to a temporary
 * file and, once whole, judged on its objects by PDFBox ({@code PdfInspection}). Memory stays bounded
 * (four 256 KiB buffers plus each stage's fixed state; PDFBox reads the spool through a 64 KiB page
 * and keeps its scratch data on disk) whatever the file's size.
 *
 * <p>All or nothing: the blob is committed only after every check and a clean scan; on any refusal
 * or failure (a stream that breaks half-way, the key provider or the scanner failing) the upload is
 * aborted, the scanner released and the spool deleted: nothing remains. Thread-safe: every call has its
 * own state.
 *
 * <pre>{@code
 * DocumentIngestor ingestor = DocumentIngestor.builder()
 *         .blobStore(BlobStore.fileSystem(dir))
 *         .encryption(new EnvelopeEncryption(keyProvider))
 *         .scanner(new ClamdScanner(clamd, Duration.ofSeconds(30), 25 << 20))
 *         .build();
 * IngestedFile file = ingestor.ingest(UploadRequest.of("avis-imposition.pdf").withDeclaredSize(length), body);
 * }</pre>
 */
public final class DocumentIngestor {
    /**
     * Bytes read, hashed and inspected at a time: four encryption chunks, so that hand-offs to the
     * writer thread and writes to the store are few (1,024 for 256 MiB).
     */
    private static final int BUFFER = 4 * EnvelopeEncryption.DEFAULT_CHUNK_SIZE;

    /** Buffers in flight between the reading thread and the writer thread (all the memory a file uses). */
    private static final int BUFFERS = 4;

    /** Objects a PDF may hold (its parsed cross-reference data must fit in a small heap). */
    private static final int MAX_PDF_OBJECTS = 500_000;

    private final BlobStore blobs;
    private final EnvelopeEncryption encryption;
    private final VirusScanner scanner;
    private final IngestionPolicy policy;
    private final SecureRandom random;
    private final ContentSniffer sniffer = new ContentSniffer();
    private final FileNameSanitizer names = new FileNameSanitizer();

    private DocumentIngestor(Builder b) {
        this.blobs = Objects.requireNonNull(b.blobs, "blobStore");
        this.encryption = Objects.requireNonNull(b.encryption, "encryption");
        this.scanner = Objects.requireNonNull(b.scanner, "scanner (use VirusScanner.unscanned() explicitly to skip)");
        this.policy = b.policy;
        this.random = b.random;
    }

    /**
     * Starts an ingestor; the blob store, the encryption and the virus scanner are required.
     *
     * @return a builder with the default policy
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The limits in force.
     *
     * @return the policy
     */
    public IngestionPolicy policy() {
        return policy;
    }

    /**
     * Ingests one upload. The caller closes {@code content}.
     *
     * @param request the file's name and the sizes announced
     * @param content the bytes as they arrive; read once, never buffered whole
     * @return the stored file: its blob key, wrapped key, sanitized name, detected type, size and SHA-256
     * @throws UploadRejectedException naming the reason; nothing is stored then
     * @throws StorageException when the blob store fails; nothing is stored then
     * @throws IngestionFailedException when anything else fails (key provider, scanner); nothing is stored then
     */
    public IngestedFile ingest(UploadRequest request, InputStream content) {
        SanitizedFileName name = names.sanitize(request.fileName());
        long limit = limit(request, policy.maxBytesOfAnyType());
        if (request.declaredSize() == 0) {
            throw new EmptyFileException("the upload '" + name + "' declares 0 bytes");
        }
        if (request.declaredSize() > limit) {
            throw new FileTooLargeException("the upload '" + name + "' declares " + request.declaredSize()
                    + " bytes, more than the " + limit + " allowed");
        }
        BlobKey key = BlobKey.random(random);
        BlobUpload upload = blobs.create(key);
        ScanSession scan = null;
        PdfSpool spool = null;
        boolean committed = false;
        // Everything below runs under one try: whatever fails (the key provider during a KMS outage, the
        // scanner, the parser, the store), the upload is aborted, the scanner released, the spool deleted.
        try {
            scan = scanner.start();
            // Not closed on failure: the upload is aborted instead, so no final chunk is sealed for nothing.
            EnvelopeEncryption.Encryptor encryptor = encryption.encrypt(upload.stream(), context(key));
            try (WriteBehind writer = new WriteBehind(encryptor, BUFFERS, BUFFER)) {
                byte[] buffer = writer.take();
                // Buffers are filled whole (but the last): each holds whole encryption chunks, encrypted in place.
                int n = fill(content, buffer, name, 0);
                if (n == 0) {
                    throw new EmptyFileException("the upload '" + name + "' has no content");
                }
                AllowedMediaType type = checkType(name, sniffer.sniff(buffer, Math.min(n, ContentSniffer.HEAD_LENGTH)));
                limit = limit(request, policy.maxBytes().get(type));
                if (request.declaredSize() > limit) {
                    throw new FileTooLargeException("the " + type.mediaType() + " file '" + name + "' declares "
                            + request.declaredSize() + " bytes, more than the " + limit + " allowed");
                }
                List<StreamInspector> inspectors = inspectorsFor(type);
                if (type == AllowedMediaType.PDF) {
                    spool = new PdfSpool(random, MAX_PDF_OBJECTS);
                    inspectors.add(spool);
                }
                MessageDigest sha = sha256();
                long total = 0;
                while (n > 0) {
                    total += n;
                    if (total > limit) {
                        throw new FileTooLargeException("the " + type.mediaType() + " file '" + name
                                + "' has more than the " + limit + " bytes allowed"
                                + (request.declaredSize() >= 0 ? " (it declared " + request.declaredSize() + ")" : ""));
                    }
                    if (request.declaredSize() >= 0 && total > request.declaredSize()) {
                        throw new DeclaredSizeMismatchException("the upload '" + name + "' declared "
                                + request.declaredSize() + " bytes but sends more");
                    }
                    sha.update(buffer, 0, n);
                    for (StreamInspector inspector : inspectors) {
                        inspector.update(buffer, 0, n);
                    }
                    scan.write(buffer, 0, n);
                    // Encryption and storage run on the writer thread while the next bytes are read.
                    writer.write(buffer, n);
                    if (n < BUFFER) {
                        break; // a buffer not filled whole: the stream has ended
                    }
                    buffer = writer.take();
                    n = fill(content, buffer, name, total);
                    if (n == 0) {
                        writer.recycle(buffer);
                    }
                }
                if (request.declaredSize() >= 0 && total < request.declaredSize()) {
                    throw new TruncatedUploadException("the upload '" + name + "' ended after " + total + " of its "
                            + request.declaredSize() + " declared bytes");
                }
                for (StreamInspector inspector : inspectors) {
                    inspector.finish(total);
                }
                if (spool != null) {
                    // The PDF is judged whole, on its objects, while the writer finishes the blob.
                    PdfInspection.check(spool, policy.maxPdfInflatedBytes());
                }
                writer.finish(encryptor::finish);
                ScanVerdict verdict = scan.finish();
                if (verdict.outcome() == ScanVerdict.Outcome.INFECTED) {
                    throw new InfectedFileException(
                            "the virus scanner found '" + verdict.detail() + "' in '" + name + "'");
                }
                if (!verdict.isClean()) {
                    throw new QuarantinedFileException("the virus scanner could not vouch for '" + name + "' ("
                            + verdict.outcome().name().toLowerCase(Locale.ROOT) + ": " + verdict.detail() + ")");
                }
                upload.commit();
                committed = true;
                return new IngestedFile(
                        key, name, type, total, Sha256.of(sha.digest()), encryptor.wrappedKey(), verdict);
            }
        } catch (UploadRejectedException | StorageException e) {
            throw e;
        } catch (IOException e) {
            throw new StorageException("cannot write blob " + key + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new IngestionFailedException(
                    "the upload '" + name + "' could not be checked and stored: " + e.getMessage(), e);
        } finally {
            if (scan != null) {
                scan.close();
            }
            if (spool != null) {
                spool.close();
            }
            if (!committed) {
                upload.abort();
            }
        }
    }

    /**
     * Opens a stored file, decrypted; the caller closes the stream. Reading throws {@link
     * org.opengru.documents.crypto.TamperedCiphertextException} if the stored bytes were altered.
     *
     * @param key the blob
     * @param wrappedKey the file's wrapped data key
     * @return the plaintext
     */
    public InputStream open(BlobKey key, WrappedKey wrappedKey) {
        return encryption.decrypt(blobs.open(key), wrappedKey, context(key));
    }

    /**
     * Re-wraps a file's data key under the current master key (rotation); the blob is not touched.
     *
     * @param key the blob, whose key is the encryption context
     * @param wrappedKey the current wrapped key
     * @return the key wrapped under the current master key
     */
    public WrappedKey rewrap(BlobKey key, WrappedKey wrappedKey) {
        return encryption.keys().rewrap(wrappedKey, context(key));
    }

    /**
     * The id of the master key new files are wrapped with.
     *
     * @return the key id
     */
    public String currentKeyId() {
        return encryption.keys().currentKeyId();
    }

    /**
     * Deletes a stored blob (the caller destroys the wrapped key: that is what makes it unreadable).
     *
     * @param key the blob
     * @return {@code false} when there was none
     */
    public boolean deleteBlob(BlobKey key) {
        return blobs.delete(key);
    }

    private static byte[] context(BlobKey key) {
        return ("opengru-documents/v1/" + key.value()).getBytes(StandardCharsets.US_ASCII);
    }

    private static long limit(UploadRequest request, long policyLimit) {
        return request.maxBytes() > 0 ? Math.min(request.maxBytes(), policyLimit) : policyLimit;
    }

    private AllowedMediaType checkType(SanitizedFileName name, DetectedType detected) {
        AllowedMediaType type = detected.allowed();
        if (type == null || !policy.accepts(type)) {
            throw new UnsupportedMediaTypeException("the content of '" + name + "' is " + detected.description() + " ("
                    + detected.mediaType() + "), which is not accepted");
        }
        String extension = name.extension().orElse("");
        if (!type.acceptsExtension(extension)) {
            throw new ExtensionMismatchException("the file '" + name + "' is named "
                    + (extension.isEmpty() ? "without an extension" : "'." + extension + "'") + " but its content is "
                    + detected.description() + " (expected " + String.join(", ", type.extensions()) + ")");
        }
        return type;
    }

    private List<StreamInspector> inspectorsFor(AllowedMediaType type) {
        List<StreamInspector> list = new ArrayList<>(2);
        long px = policy.maxPixels();
        switch (type) {
            case PDF -> {} // judged whole on its objects: PdfSpool, then PdfInspection
            case PNG -> list.add(new PngHeaderInspector(px));
            case JPEG -> list.add(new JpegHeaderInspector(px));
            case WEBP -> {
                list.add(new WebpHeaderInspector(px));
                list.add(new WebpStructureInspector());
            }
            case HEIC, HEIF -> list.add(new HeifHeaderInspector(px));
        }
        list.add(new ZipTailDetector());
        return list;
    }

    /** Reads until {@code buffer} is full or the stream ends; returns the bytes read (0 at the end). */
    private static int fill(InputStream in, byte[] buffer, SanitizedFileName name, long soFar) {
        int length = 0;
        try {
            while (length < buffer.length) {
                int n = in.read(buffer, length, buffer.length - length);
                if (n < 0) {
                    break;
                }
                length += n;
            }
            return length;
        } catch (IOException | UncheckedIOException e) {
            throw new TruncatedUploadException(
                    "the upload '" + name + "' failed after " + (soFar + length) + " bytes: " + e.getMessage(), e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** Wires the ingestor; blob store, encryption and scanner are required. */
    public static final class Builder {
        private @Nullable BlobStore blobs;
        private @Nullable EnvelopeEncryption encryption;
        private @Nullable VirusScanner scanner;
        private IngestionPolicy policy = IngestionPolicy.defaults();
        private SecureRandom random = new SecureRandom();

        private Builder() {}

        /**
         * Where encrypted files are written (required).
         *
         * @param blobs the blob store
         * @return this builder
         */
        public Builder blobStore(BlobStore blobs) {
            this.blobs = Objects.requireNonNull(blobs, "blobStore");
            return this;
        }

        /**
         * How files are encrypted (required).
         *
         * @param encryption the envelope encryption
         * @return this builder
         */
        public Builder encryption(EnvelopeEncryption encryption) {
            this.encryption = Objects.requireNonNull(encryption, "encryption");
            return this;
        }

        /**
         * The antivirus every file goes through (required; {@code VirusScanner.unscanned()} must be chosen
         * explicitly).
         *
         * @param scanner the scanner
         * @return this builder
         */
        public Builder scanner(VirusScanner scanner) {
            this.scanner = Objects.requireNonNull(scanner, "scanner");
            return this;
        }

        /**
         * The limits of size, pixels and PDF objects.
         *
         * @param policy the policy; {@link IngestionPolicy#defaults()} otherwise
         * @return this builder
         */
        public Builder policy(IngestionPolicy policy) {
            this.policy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * The random source of blob keys.
         *
         * @param random a strong random source
         * @return this builder
         */
        public Builder random(SecureRandom random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        /**
         * Builds the ingestor.
         *
         * @return the ingestor, thread-safe
         * @throws NullPointerException when the blob store, the encryption or the scanner is missing
         */
        public DocumentIngestor build() {
            return new DocumentIngestor(this);
        }
    }
}
