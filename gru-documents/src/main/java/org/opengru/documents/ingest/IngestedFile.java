package org.opengru.documents.ingest;

import java.util.Objects;
import org.opengru.documents.crypto.WrappedKey;
import org.opengru.documents.scan.ScanVerdict;
import org.opengru.documents.sniff.AllowedMediaType;
import org.opengru.documents.storage.BlobKey;

/**
 * A file accepted and stored, encrypted, under a random key: what the document metadata records.
 *
 * @param blobKey where the encrypted bytes are
 * @param fileName the sanitised original name
 * @param mediaType the type detected from the content
 * @param size the plaintext size in bytes
 * @param sha256 the plaintext digest
 * @param wrappedKey the file's data key, wrapped (delete it to crypto-shred the file)
 * @param scan the scanner's verdict (always clean here)
 */
public record IngestedFile(
        BlobKey blobKey,
        SanitizedFileName fileName,
        AllowedMediaType mediaType,
        long size,
        Sha256 sha256,
        WrappedKey wrappedKey,
        ScanVerdict scan) {

    /**
     * Checks the file.
     *
     * @param blobKey where the encrypted bytes are
     * @param fileName the sanitised original name
     * @param mediaType the type detected from the content
     * @param size the plaintext size in bytes
     * @param sha256 the plaintext digest
     * @param wrappedKey the file's data key, wrapped (delete it to crypto-shred the file)
     * @param scan the scanner's verdict (always clean here)
     * @throws NullPointerException naming a missing value
     */
    public IngestedFile {
        Objects.requireNonNull(blobKey, "blobKey");
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(wrappedKey, "wrappedKey");
        Objects.requireNonNull(scan, "scan");
        if (size <= 0) {
            throw new IllegalArgumentException("size must be positive, got " + size);
        }
    }
}
