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
     * @param key a fresh key
     * @return the upload: write, then commit or abort
     * @throws StorageException when a blob with that key already exists or the store fails
     */
    BlobUpload create(BlobKey key);

    /**
     * Opens a committed blob for reading; the caller closes the stream.
     *
     * @param key the blob's key
     * @return the content
     * @throws BlobNotFoundException when there is none under that key
     */
    InputStream open(BlobKey key);

    /**
     * Whether a committed blob exists under that key.
     *
     * @param key the blob's key
     * @return {@code true} when it exists
     */
    boolean exists(BlobKey key);

    /**
     * Deletes a blob durably; {@code false} when there was none.
     *
     * @param key the blob's key
     * @return {@code true} when one was deleted
     */
    boolean delete(BlobKey key);

    /**
     * Blobs held only in memory: for tests and demos, lost with the JVM.
     *
     * @return an empty store
     */
    static BlobStore inMemory() {
        return new InMemoryBlobStore();
    }

    /**
     * Blobs as files under {@code root} (created if missing), written atomically: temporary file,
     * fsync, rename, fsync of the directory.
     *
     * @param root the directory
     * @return the store
     * @throws StorageException when the directory cannot be created
     */
    static BlobStore fileSystem(Path root) {
        return new FileSystemBlobStore(root);
    }
}
