package org.opengru.documents.storage;

import java.io.InputStream;
import java.nio.file.Path;
import org.opengru.documents.storage.internal.FileSystemBlobStore;
import org.opengru.documents.storage.internal.InMemoryBlobStore;

/**
 * The port to where encrypted file contents live. Blobs are immutable and addressed by opaque keys
 * only: no paths or URLs cross this interface, so an S3-compatible adapter fits behind it (upload =
 * multipart upload completed on commit, aborted otherwise). Implementations are thread-safe.
 */
public interface BlobStore {

    /**
     * Starts writing a new blob.
     *
     * @throws StorageException when a blob with that key already exists or the store fails
     */
    BlobUpload create(BlobKey key);

    /**
     * Opens a committed blob for reading; the caller closes the stream.
     *
     * @throws BlobNotFoundException when there is none under that key
     */
    InputStream open(BlobKey key);

    /** Whether a committed blob exists under that key. */
    boolean exists(BlobKey key);

    /** Deletes a blob durably; {@code false} when there was none. */
    boolean delete(BlobKey key);

    /** Blobs held only in memory: for tests and demos, lost with the JVM. */
    static BlobStore inMemory() {
        return new InMemoryBlobStore();
    }

    /**
     * Blobs as files under {@code root} (created if missing), written atomically: temporary file,
     * fsync, rename, fsync of the directory.
     */
    static BlobStore fileSystem(Path root) {
        return new FileSystemBlobStore(root);
    }
}
