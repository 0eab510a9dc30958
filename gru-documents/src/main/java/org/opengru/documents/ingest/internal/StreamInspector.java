package org.opengru.documents.ingest.internal;

/**
 * Looks at a file as it streams past, keeping only bounded state; throws an {@link
 * org.opengru.documents.ingest.UploadRejectedException} as soon as it sees something refused.
 */
public interface StreamInspector {

    /** The next {@code len} bytes of the file. */
    void update(byte[] b, int off, int len);

    /** The file has ended; {@code totalBytes} is its size. Checks what needs the whole file. */
    void finish(long totalBytes);
}
