package org.opengru.documents.storage;

import java.io.OutputStream;

/**
 * A blob being written. Nothing is visible under its key until {@link #commit()}; {@link #abort()}
 * (or {@link #close()} without commit) leaves nothing behind. Not thread-safe: one writer.
 */
public interface BlobUpload extends AutoCloseable {

    /**
     * The key the blob will have.
     *
     * @return the key
     */
    BlobKey key();

    /**
     * Where to write the content. Closing it is not needed (commit and abort do).
     *
     * @return the stream
     */
    OutputStream stream();

    /**
     * Makes the blob durable and visible, atomically: readers see all of it or nothing.
     *
     * @throws StorageException when the content could not be made durable (nothing is left then)
     */
    void commit();

    /** Discards everything written. Idempotent, never throws. */
    void abort();

    /** Aborts unless committed. */
    @Override
    void close();
}
