package org.opengru.documents.storage;

/** No blob under that key (never written, aborted, or deleted). */
public final class BlobNotFoundException extends StorageException {
    private static final long serialVersionUID = 1L;

    /**
     * Reports a missing blob.
     *
     * @param key the key looked up
     */
    public BlobNotFoundException(BlobKey key) {
        super("no blob with key " + key);
    }
}
