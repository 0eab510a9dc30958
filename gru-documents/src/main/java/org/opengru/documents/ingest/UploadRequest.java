package org.opengru.documents.ingest;

import java.util.Objects;

/**
 * What the client said about an upload. None of it is trusted: the name is sanitised, the content
 * sniffed, the bytes counted.
 *
 * @param fileName the name the browser sent
 * @param declaredSize the size the client announced ({@code Content-Length}), or -1 when unknown
 * @param maxBytes a further limit for this upload (for example the document type's), or -1 for none
 */
public record UploadRequest(String fileName, long declaredSize, long maxBytes) {

    /**
     * Checks the sizes.
     *
     * @param fileName the name the browser sent
     * @param declaredSize the size the client announced ({@code Content-Length}), or -1 when unknown
     * @param maxBytes a further limit for this upload (for example the document type's), or -1 for none
     * @throws NullPointerException when the name is missing
     * @throws IllegalArgumentException when a size is below -1, or the limit is not positive
     */
    public UploadRequest {
        Objects.requireNonNull(fileName, "fileName");
        if (declaredSize < -1) {
            throw new IllegalArgumentException("declaredSize must be -1 (unknown) or more, got " + declaredSize);
        }
        if (maxBytes == 0 || maxBytes < -1) {
            throw new IllegalArgumentException("maxBytes must be -1 (none) or positive, got " + maxBytes);
        }
    }

    /**
     * An upload of unknown size, with no limit beyond the policy's.
     *
     * @param fileName the name the browser sent
     * @return the request
     */
    public static UploadRequest of(String fileName) {
        return new UploadRequest(fileName, -1, -1);
    }

    /**
     * The size the client announced ({@code Content-Length} of the part): a file longer or shorter is refused.
     *
     * @param size the announced size in bytes
     * @return a copy with it
     */
    public UploadRequest withDeclaredSize(long size) {
        return new UploadRequest(fileName, size, maxBytes);
    }

    /**
     * A limit lower than the policy's, for this upload only (a démarche that takes small photos).
     *
     * @param max the limit in bytes
     * @return a copy with it
     */
    public UploadRequest withMaxBytes(long max) {
        return new UploadRequest(fileName, declaredSize, max);
    }
}
